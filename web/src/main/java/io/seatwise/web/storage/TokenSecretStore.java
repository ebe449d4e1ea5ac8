package io.seatwise.web.storage;

/**
 * Where the generated secret that signs API tokens is kept, so that tokens survive restarts: a file in the data
 * directory on SQLite, a row of the database on PostgreSQL, where every node must accept the others' tokens.
 */
@FunctionalInterface
public interface TokenSecretStore {

    /**
     * Returns the secret kept before; if there is none yet, keeps the given one and returns it. Of several nodes that
     * start together, every one gets the secret of the first.
     */
    String keptOr(String generated);
}
