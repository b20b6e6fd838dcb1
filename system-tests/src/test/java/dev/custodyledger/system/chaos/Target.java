package dev.custodyledger.system.chaos;

/** What a fault strikes: a replica (or whichever replica holds a service's lease when it strikes), or a server. */
sealed interface Target {
    /** The two services that run as replicas; label-service stays one and is not part of the soak. */
    enum Service {
        LEDGER("ledger-service"),
        SCAN("scan-service");

        final String module;

        Service(String module) {
            this.module = module;
        }
    }

    /** Replica {@code index} (from 1) of a service. */
    record Replica(Service service, int index) implements Target {
        @Override
        public String toString() {
            return service.module + "-" + index;
        }
    }

    /** The replica holding the service's projection lease at the moment the fault strikes. */
    record LeaseHolder(Service service) implements Target {
        @Override
        public String toString() {
            return service.module + " lease holder";
        }
    }

    record Broker() implements Target {
        @Override
        public String toString() {
            return "kafka";
        }
    }

    record Database() implements Target {
        @Override
        public String toString() {
            return "postgres";
        }
    }

    /** The network between every service and a server (the proxies in front of the broker and the database). */
    enum Link {
        BROKER,
        DATABASE
    }
}
