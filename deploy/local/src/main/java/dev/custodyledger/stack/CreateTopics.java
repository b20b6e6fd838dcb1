package dev.custodyledger.stack;

import dev.custodyledger.kafka.TopicSpec;
import dev.custodyledger.kafka.Topics;

/** Creates the topics as the design fixes them, or checks that existing ones match. Usage: {@code CreateTopics <bootstrap>}. */
public final class CreateTopics {
    private CreateTopics() {}

    public static void main(String[] args) {
        String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:19092";
        Topics.ensure(bootstrap, (short) 1);
        for (TopicSpec spec : TopicSpec.ALL) {
            System.out.println("topic " + spec.name() + ": " + spec.partitions() + " partition(s), " + spec.configs());
        }
    }
}
