package io.seatwise.web.storage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.transaction.PlatformTransactionManager;

/** What each database's configuration does to the transaction managers it builds. */
public final class TransactionManagers {

    private TransactionManagers() {}

    /**
     * The transaction manager with Spring Boot's customizers applied ({@code spring.transaction.*}), as Boot does to
     * the one it would have built itself.
     */
    public static <T extends PlatformTransactionManager> T customized(
            T transactionManager, ObjectProvider<TransactionManagerCustomizers> customizers) {
        customizers.ifAvailable(
                each -> each.customize((org.springframework.transaction.TransactionManager) transactionManager));
        return transactionManager;
    }
}
