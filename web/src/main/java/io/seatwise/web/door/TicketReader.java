package io.seatwise.web.door;

import java.util.Optional;

/** What the door needs of the tickets' signed codes: to read one, and the key that doors check them with offline. */
interface TicketReader {

    /** The ticket a code names; empty when it is malformed or its signature fails. */
    Optional<Door.Ticket> read(String code);

    /** The public key of the tickets' signatures, X.509 SubjectPublicKeyInfo. */
    byte[] publicKeySpki();
}
