-- Booking references (issue 15): the ledger keeps each booking's reference, unique, so that a new booking whose
-- reference another has is made again under another id, and an admin can find a booking by it. A reference follows
-- from the booking's id (SHA-256, which SQL here cannot compute), so the rows of bookings made before this version are
-- filled in by the application when it starts (command-side BookingLedger.fillMissingReferences); NULLs do not clash
-- in a unique index.
ALTER TABLE ledger_bookings ADD COLUMN reference VARCHAR(9);
CREATE UNIQUE INDEX ux_ledger_bookings_reference ON ledger_bookings (reference);
