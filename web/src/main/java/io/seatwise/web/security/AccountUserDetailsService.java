package io.seatwise.web.security;

import io.seatwise.command.account.AccountDirectory;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Signs people in against the command side's credential store. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountDirectory directory;

    AccountUserDetailsService(AccountDirectory directory) {
        this.directory = directory;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return directory
                .findByEmail(email)
                .map(SeatwiseUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("No account for that email"));
    }
}
