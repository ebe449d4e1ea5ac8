package io.seatwise.web.storage;

/** Names for what the event processors write: the read models, the processors' positions and the mail outbox. */
public final class ReadModels {

    /**
     * The qualifier of the transaction managers, Spring's and Axon's, of the read models. Feature code does not need
     * it: Axon's processors get these transactions by default, and everything else through {@code
     * TransactionOperations}.
     */
    public static final String QUALIFIER = "readModels";

    private ReadModels() {}
}
