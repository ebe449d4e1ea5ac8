package io.seatwise.web.account;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.ChangeLanguage;
import io.seatwise.api.account.Language;
import io.seatwise.command.account.AccountDirectory;
import io.seatwise.command.account.AccountEntry;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/**
 * An account's language, for its holder's page and the API alike. The account checks the code and stores the change
 * in its directory in the same transaction (as a role), so the answer and the next page already show it; mail written
 * from then on is in the new language.
 */
@Service
class AccountLanguages {

    private final CommandGateway commands;
    private final AccountDirectory directory;

    AccountLanguages(CommandGateway commands, AccountDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    Optional<AccountEntry> account(AccountId accountId) {
        return directory.find(accountId);
    }

    /** Changes the language to the one of the code; refused (400 {@code invalid-not-a-choice}) unless en or de. */
    Language change(AccountId accountId, String code) {
        commands.sendAndWait(new ChangeLanguage(accountId, code));
        return directory.languageOf(accountId).orElseThrow();
    }
}
