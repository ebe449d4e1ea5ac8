package io.seatwise.web.storage;

/**
 * Lets one node at a time do what must happen once, such as the first start's admin and demo data, when several nodes
 * start together on one database. On SQLite there is one node, and the work simply runs.
 */
@FunctionalInterface
public interface NodeLock {

    /** Runs the work while no other node runs work under the same name. */
    void exclusively(String name, Runnable work);
}
