package io.seatwise.command.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatwise.api.account.AccountId;
import io.seatwise.api.account.AccountRegistered;
import io.seatwise.api.account.Language;
import io.seatwise.api.account.Role;
import io.seatwise.command.StoredMessages;
import java.time.Instant;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.junit.jupiter.api.Test;

/**
 * Accounts stored before accounts had a language are read, through the upcasters, as English accounts; accounts
 * stored before addresses were verified are read as verified; accounts stored since keep what they say.
 */
class AccountLanguageUpcasterTest {

    private static final Instant REGISTERED = Instant.parse("2026-01-05T10:00:00Z");
    private final EventUpcasterChain upcasters = new EventUpcasterChain(
            new AccountLanguageUpcaster().accountRegisteredRevisionTwo(),
            new EmailVerifiedUpcaster().accountRegisteredRevisionThree());

    @Test
    void accountOfRevisionOneReadsAsEnglishWithAVerifiedAddress() {
        var stored = """
                {"accountId":"account-1","email":"ada@example.org","displayName":"Ada Lovelace","role":"USER",\
                "registeredAt":"2026-01-05T10:00:00Z"}""";

        assertThat(read(stored, "1"))
                .isEqualTo(new AccountRegistered(
                        AccountId.of("account-1"),
                        "ada@example.org",
                        "Ada Lovelace",
                        Role.USER,
                        REGISTERED,
                        Language.EN,
                        true));
    }

    @Test
    void accountOfRevisionTwoKeepsItsLanguageAndReadsAsVerified() {
        var stored = """
                {"accountId":"account-2","email":"grete@example.org","displayName":"Grete","role":"USER",\
                "registeredAt":"2026-01-05T10:00:00Z","language":"de"}""";

        assertThat(read(stored, "2"))
                .isEqualTo(new AccountRegistered(
                        AccountId.of("account-2"),
                        "grete@example.org",
                        "Grete",
                        Role.USER,
                        REGISTERED,
                        Language.DE,
                        true));
    }

    @Test
    void accountOfRevisionThreeKeepsWhetherItIsVerified() {
        var serializer = StoredMessages.serializer();
        var unverified = new AccountRegistered(
                AccountId.of("account-3"), "ula@example.org", "Ula", Role.USER, REGISTERED, Language.DE, false);
        var stored = serializer.serialize(unverified, String.class);
        assertThat(stored.getType().getRevision()).isEqualTo("3");
        assertThat(stored.getData()).contains("\"emailVerified\":false");

        assertThat(read(stored.getData(), "3")).isEqualTo(unverified);
    }

    private AccountRegistered read(String json, String revision) {
        var serializer = StoredMessages.serializer();
        SerializedType type = new SimpleSerializedType(AccountRegistered.class.getName(), revision);
        var entry = new GenericDomainEventEntry<>(
                "Account", "account", 0, "event-1", REGISTERED, type.getName(), revision, json, "{}");
        var upcasted = upcasters
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                .toList();
        assertThat(upcasted).hasSize(1);
        assertThat(upcasted.get(0).getType().getRevision()).isEqualTo("3");
        return (AccountRegistered) serializer.deserialize(upcasted.get(0).getData());
    }
}
