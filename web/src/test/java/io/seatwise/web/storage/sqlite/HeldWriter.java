package io.seatwise.web.storage.sqlite;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A read-write transaction held open on a thread of its own, and with it the write lock of the SQLite file that its
 * transaction manager writes, until it is closed.
 */
final class HeldWriter implements AutoCloseable {

    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<Void> holder;

    private HeldWriter(PlatformTransactionManager transactions) throws InterruptedException {
        var held = new CountDownLatch(1);
        holder = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        if (!held.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("The writer was not taken within 10 s");
        }
    }

    /** Returns once the transaction has begun and holds the writer. */
    static HeldWriter take(PlatformTransactionManager transactions) throws InterruptedException {
        return new HeldWriter(transactions);
    }

    /** Lets the writer go and waits until the transaction has committed. */
    @Override
    public void close() throws Exception {
        release.countDown();
        holder.get(20, TimeUnit.SECONDS);
    }
}
