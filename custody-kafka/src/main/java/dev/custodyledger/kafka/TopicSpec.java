package dev.custodyledger.kafka;

import java.util.List;
import java.util.Map;

/**
 * The Kafka topics of the system and the settings the design fixes. Replication is a deployment choice (1 on
 * a laptop, 3 in production) and so is not part of the spec.
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {
    /** The system of record: one partition for a total order, kept forever, timestamps set by the broker. */
    public static final TopicSpec LEDGER = new TopicSpec(
            "custody.ledger",
            1,
            Map.of(
                    "retention.ms", "-1",
                    "retention.bytes", "-1",
                    "cleanup.policy", "delete",
                    "message.timestamp.type", "LogAppendTime",
                    "unclean.leader.election.enable", "false"));

    /**
     * Submissions on their way to the ledger, keyed by event id: every ledger-service replica writes here, and the
     * one sequencer (the owner of its single partition) appends each event to the ledger once, in a transaction
     * with its position here (ADR 24). Kept a week: a submission is appended or dropped within seconds.
     */
    public static final TopicSpec INTAKE = new TopicSpec(
            "custody.intake",
            1,
            Map.of(
                    "retention.ms", String.valueOf(7L * 24 * 3600 * 1000),
                    "max.message.bytes", String.valueOf(2 << 20),
                    "unclean.leader.election.enable", "false"));

    /** Scans, keyed by unit so that the clone detector sees each unit's scans in order. */
    public static final TopicSpec SCANS = new TopicSpec(
            "custody.scans",
            6,
            Map.of("retention.ms", String.valueOf(400L * 24 * 3600 * 1000), "message.timestamp.type", "LogAppendTime"));

    public static final TopicSpec ALERTS = new TopicSpec("custody.alerts", 1, Map.of("retention.ms", "-1"));

    public static final List<TopicSpec> ALL = List.of(LEDGER, INTAKE, SCANS, ALERTS);
}
