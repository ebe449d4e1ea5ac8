-- Statistics per seat category, in the read models' file like every table the event processors write (V7); the
-- same table as PostgreSQL's V8.1. Per event one row for each category of its layout, in the layout's order
-- (position), with the category's name as the event's layout had it, its booked seats and its revenue; cancelled
-- bookings count nowhere.
CREATE TABLE read_models.stats_event_categories (
    event_id      VARCHAR(64)  NOT NULL,
    code          VARCHAR(1)   NOT NULL,
    name          VARCHAR(100) NOT NULL,
    position      INTEGER      NOT NULL,
    booked        INTEGER      NOT NULL,
    revenue_cents BIGINT       NOT NULL,
    PRIMARY KEY (event_id, code)
);
