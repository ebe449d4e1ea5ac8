package io.seatwise.web.storage.postgres;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * This node's name in the token store and the list of live nodes. Axon's default ({@code pid@host}) is the same for
 * two application contexts in one process, and a node restarted with the same process id on the same host would take
 * its predecessor's claims for its own; a random suffix makes each start a node of its own.
 */
public record ClusterNode(String id) {

    static ClusterNode random() {
        return new ClusterNode(ManagementFactory.getRuntimeMXBean().getName() + "-"
                + UUID.randomUUID().toString().substring(0, 8));
    }
}
