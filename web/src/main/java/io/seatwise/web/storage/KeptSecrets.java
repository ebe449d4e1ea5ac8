package io.seatwise.web.storage;

/**
 * Where generated secrets are kept, each under a name, so that they survive restarts: a file of the data directory on
 * SQLite, a row of the database on PostgreSQL, where every node must use the same one. The secret that signs API
 * tokens ({@code token-secret}) and the key pair that signs tickets ({@code ticket-key}) are kept here.
 */
@FunctionalInterface
public interface KeptSecrets {

    /**
     * Returns the secret kept under the name before; if there is none yet, keeps the given one and returns it. Of
     * several nodes that start together, every one gets the secret of the first. A name is lower-case letters, digits
     * and hyphens.
     */
    String keptOr(String name, String generated);
}
