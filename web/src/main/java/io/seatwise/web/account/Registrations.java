package io.seatwise.web.account;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.RegisterAccount;
import io.seatwise.api.account.Role;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Opens accounts for the API, the registration form and the first admin alike. */
@Service
public class Registrations {

    public static final int MIN_PASSWORD_LENGTH = 8;
    public static final int MAX_PASSWORD_LENGTH = 128;

    private final CommandGateway commands;
    private final PasswordEncoder passwordEncoder;

    Registrations(CommandGateway commands, PasswordEncoder passwordEncoder) {
        this.commands = commands;
        this.passwordEncoder = passwordEncoder;
    }

    public AccountId register(String email, String password, String displayName, Role role) {
        var accountId = AccountId.random();
        commands.sendAndWait(
                new RegisterAccount(accountId, email, displayName, passwordEncoder.encode(password), role));
        return accountId;
    }
}
