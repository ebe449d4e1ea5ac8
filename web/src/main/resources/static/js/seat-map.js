// Seat picking on the event page.
//
// Without this script the seat map is a plain form of checkboxes that still books (one block at a time on a big
// venue), and the best-available form books too. With it:
// - the map is live: it follows the event's Server-Sent Events stream (a snapshot with the hall's layout, then every
//   booking and cancellation), reconnects when the connection drops, and polls the same map as JSON while it cannot
//   stream; a seat the person has selected that someone else books is flagged and unselected before they submit;
// - the seats are one tab stop: arrow keys move between seats along the rows as the hall has them (over aisles and
//   pillars, and on into the next block), Home and End go to the ends of a row, Space or Enter selects; booked seats
//   cannot be ticked and the limit is kept;
// - the running total sums the chosen seats, each at its category's price (from the legend);
// - on a big venue, blocks are drawn here from the live map's layout, and seats selected in other blocks stay selected.
// Every text comes from the page (data attributes filled from messages.properties), never from this file.
(function () {
    'use strict';

    const form = document.querySelector('.sw-booking-form');
    if (!form) {
        return;
    }
    const data = form.dataset;
    const map = form.querySelector('.sw-seat-map');
    const area = map.querySelector('.sw-seats');
    const caption = form.querySelector('.sw-block-caption');
    const elsewhere = form.querySelector('.sw-selected-elsewhere');
    const list = form.querySelector('.sw-selected-list');
    const total = form.querySelector('.sw-total');
    const announcements = form.querySelector('.sw-announcements');
    const liveStatus = form.querySelector('.sw-live-status');
    const bookButton = form.querySelector('[data-action="book"]');
    const availableFact = document.querySelector('[data-live-available]');
    const tiles = Array.from(document.querySelectorAll('.sw-block-tile'));
    const blockLabel = tiles.length ? tiles[0].closest('.sw-block-grid').dataset.label : null;

    const maxSeats = Number(data.max || 10);
    const capacity = Number(data.capacity);
    const language = document.documentElement.lang || undefined;
    const counts = new Intl.NumberFormat(language);
    const money = new Intl.NumberFormat(language, {style: 'currency', currency: data.currency || 'GBP'});
    const POLL_EVERY_MS = 2000;
    const RECONNECT_AFTER_MS = 5000;
    const GAP = '.';

    /** Category code to its name, price as the page writes it, price in cents and the classes that draw it. */
    const categories = new Map(Array.from(document.querySelectorAll('.sw-category')).map(item => [
        item.dataset.category,
        {name: item.dataset.name, price: item.dataset.price, cents: Number(item.dataset.cents), style: item.dataset.style}
    ]));

    /** Booked seats as a bit set like the server's (seat n is bit n % 8 of byte n / 8); null until the first map. */
    let booked = null;
    // seats held for someone on the waitlist: nobody else can take them
    let held = null;
    let bookedCount = null;
    /** The hall's rows in reading order, from the first map: {section, label, positions, firstSeat, rowIndex}. */
    let rows = null;
    let submitting = false;
    let seats = new Map();
    let focusable = null;
    const selected = new Set();

    function format(pattern, ...args) {
        return pattern.replace(/\{(\d+)\}/g, (match, index) => (index < args.length ? String(args[index]) : match));
    }

    // ---- the layout ----------------------------------------------------------------------------------------

    function learnLayout(layout) {
        if (rows || !layout) {
            return;
        }
        rows = [];
        let next = 1;
        layout.sections.forEach(section => section.rows.forEach(row => {
            rows.push({section: section.name, label: row.label, positions: row.seats, firstSeat: next,
                rowIndex: rows.length});
            next += seatCount(row.seats, row.seats.length);
        }));
    }

    /** How many seats the first {@code length} positions of a row have. */
    function seatCount(positions, length) {
        let count = 0;
        for (let i = 0; i < Math.min(length, positions.length); i++) {
            if (positions[i] !== GAP) {
                count++;
            }
        }
        return count;
    }

    function rowOf(number) {
        let low = 0;
        let high = rows.length - 1;
        while (low < high) {
            const middle = (low + high + 1) >> 1;
            if (rows[middle].firstSeat <= number) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return rows[low];
    }

    /** Where a seat is: from its control when the page shows it, else from the layout. */
    function place(number) {
        const seat = seats.get(number);
        if (seat) {
            const row = seat.closest('.sw-row');
            return {
                section: seat.closest('.sw-hall-section').dataset.sectionName, row: row.dataset.row,
                number: number - Number(row.dataset.firstSeat) + 1, category: seat.dataset.category
            };
        }
        if (!rows) {
            return null;
        }
        const row = rowOf(number);
        let index = number - row.firstSeat;
        let category = null;
        for (const position of row.positions) {
            if (position !== GAP && index-- === 0) {
                category = position;
                break;
            }
        }
        return {section: row.section, row: row.label, number: number - row.firstSeat + 1, category: category};
    }

    function seatName(number) {
        const where = place(number);
        return where ? format(data.selectedItem, where.section, where.row, where.number) : String(number);
    }

    // ---- seats ---------------------------------------------------------------------------------------------

    function isBooked(number) {
        if (booked) {
            return ((booked[number >> 3] || 0) >> (number & 7)) & 1;
        }
        const seat = seats.get(number);
        return seat ? seat.dataset.status === 'booked' : false;
    }

    function isHeld(number) {
        if (held) {
            return ((held[number >> 3] || 0) >> (number & 7)) & 1;
        }
        const seat = seats.get(number);
        return seat ? seat.dataset.status === 'held' : false;
    }

    function isTaken(number) {
        return isBooked(number) || isHeld(number);
    }

    /** A seat that cannot be chosen: booked, or held for someone on the waitlist. */
    function unavailable(seat) {
        return seat.dataset.status === 'booked' || seat.dataset.status === 'held';
    }

    /** Sets or clears a seat's held bit; true when that changed it. */
    function hold(number, isNowHeld) {
        const index = number >> 3;
        const bit = 1 << (number & 7);
        const was = (held[index] & bit) !== 0;
        if (was !== isNowHeld) {
            held[index] ^= bit;
            return true;
        }
        return false;
    }

    /** Sets a seat's bit; true when that changed it. */
    function mark(number, isNowBooked) {
        const index = number >> 3;
        const bit = 1 << (number & 7);
        const was = (booked[index] & bit) !== 0;
        if (was !== isNowBooked) {
            booked[index] ^= bit;
            bookedCount += isNowBooked ? 1 : -1;
            return true;
        }
        return false;
    }

    function statusOf(number) {
        if (isBooked(number)) {
            return 'booked';
        }
        return isHeld(number) ? 'held' : selected.has(number) ? 'selected' : 'available';
    }

    function show(seat, status) {
        seat.dataset.status = status;
        seat.checked = status === 'selected';
        const where = place(Number(seat.value));
        const category = categories.get(seat.dataset.category) || {name: '', price: ''};
        seat.setAttribute('aria-label', format(data.seatLabel, where.section, where.row, where.number,
            category.name, category.price, data['status' + status.charAt(0).toUpperCase() + status.slice(1)]));
        if (status === 'booked' || status === 'held') {
            seat.setAttribute('aria-disabled', 'true');
        } else {
            seat.removeAttribute('aria-disabled');
        }
    }

    function indexSeats() {
        seats = new Map(Array.from(area.querySelectorAll('.sw-seat')).map(seat => [Number(seat.value), seat]));
    }

    /** The block shown: rows and columns, both inclusive; rows zero-based over all sections, columns one-based. */
    function bounds() {
        const block = map.dataset;
        return {
            firstRow: Number(block.firstRow), lastRow: Number(block.lastRow),
            firstColumn: Number(block.firstColumn), lastColumn: Number(block.lastColumn)
        };
    }

    // ---- selection and total -------------------------------------------------------------------------------

    function priceOf(number) {
        const where = place(number);
        const category = where && categories.get(where.category);
        return category ? category.cents : 0;
    }

    function refresh() {
        const chosen = Array.from(selected).sort((a, b) => a - b);
        list.textContent = chosen.length ? chosen.map(seatName).join('; ') : list.dataset.none;
        if (total) {
            const cents = chosen.reduce((sum, number) => sum + priceOf(number), 0);
            total.textContent = chosen.length ? format(data.total, money.format(cents / 100)) : '';
        }
        if (bookButton && !bookButton.hasAttribute('data-started')) {
            bookButton.disabled = chosen.length === 0;
        }
        // seats selected in other blocks still go with the form
        elsewhere.replaceChildren(...chosen.filter(number => !seats.has(number)).map(number => {
            const input = document.createElement('input');
            input.type = 'hidden';
            input.name = 'seats';
            input.value = String(number);
            return input;
        }));
    }

    area.addEventListener('click', event => {
        const seat = event.target.closest('.sw-seat');
        if (!seat) {
            return;
        }
        if (unavailable(seat)) {
            event.preventDefault();
            return;
        }
        if (seat.checked && !selected.has(Number(seat.value)) && selected.size >= maxSeats) {
            event.preventDefault();
            announcements.textContent = format(data.limitMessage, maxSeats);
        }
    });

    area.addEventListener('change', event => {
        const seat = event.target.closest('.sw-seat');
        if (!seat || unavailable(seat)) {
            return;
        }
        const number = Number(seat.value);
        if (seat.checked) {
            selected.add(number);
        } else {
            selected.delete(number);
        }
        show(seat, statusOf(number));
        refresh();
    });

    form.addEventListener('submit', () => {
        submitting = true;
    });

    // ---- keyboard: one tab stop, arrow keys inside ---------------------------------------------------------

    function makeFocusable(seat) {
        if (focusable && focusable !== seat) {
            focusable.tabIndex = -1;
        }
        seat.tabIndex = 0;
        focusable = seat;
    }

    function resetTabStops() {
        seats.forEach(seat => {
            seat.tabIndex = -1;
        });
        focusable = null;
        const first = Array.from(seats.values()).find(seat => seat.dataset.status === 'selected')
            || Array.from(seats.values()).find(seat => seat.dataset.status === 'available')
            || seats.values().next().value;
        if (first) {
            makeFocusable(first);
        }
    }

    area.addEventListener('focusin', event => {
        const seat = event.target.closest('.sw-seat');
        if (seat) {
            makeFocusable(seat);
        }
    });

    function seatsIn(row) {
        return Array.from(row.querySelectorAll('.sw-seat'));
    }

    function columnOf(seat) {
        return Number(seat.dataset.column);
    }

    /** The seat of a row nearest to a column; on a tie the one to the left. */
    function nearest(row, column) {
        let best = null;
        seatsIn(row).forEach(seat => {
            if (!best || Math.abs(columnOf(seat) - column) < Math.abs(columnOf(best) - column)) {
                best = seat;
            }
        });
        return best;
    }

    function shownRow(rowIndex) {
        return area.querySelector('.sw-row[data-row-index="' + rowIndex + '"]');
    }

    /** Shows the block that holds a place of the hall (or the nearest block of that row); true when one does. */
    function showBlockOf(rowIndex, column) {
        if (!booked || !rows) {
            return false; // not live yet: the server draws blocks
        }
        const candidates = tiles.filter(tile => rowIndex >= Number(tile.dataset.firstRow)
            && rowIndex <= Number(tile.dataset.lastRow));
        const distance = tile => Math.max(0, Number(tile.dataset.firstColumn) - column,
            column - Number(tile.dataset.lastColumn));
        const tile = candidates.sort((a, b) => distance(a) - distance(b))[0];
        if (!tile) {
            return false;
        }
        showBlock(tile);
        return true;
    }

    /** The seat that an arrow key leads to from a seat, drawing another block when the way leads out of this one. */
    function target(seat, key) {
        const row = seat.closest('.sw-row');
        const inRow = seatsIn(row);
        const here = inRow.indexOf(seat);
        const column = columnOf(seat);
        const rowIndex = Number(row.dataset.rowIndex);
        if (key === 'Home' || key === 'End') {
            return key === 'Home' ? inRow[0] : inRow[inRow.length - 1];
        }
        if (key === 'ArrowLeft' || key === 'ArrowRight') {
            const step = key === 'ArrowLeft' ? -1 : 1;
            if (inRow[here + step]) {
                return inRow[here + step];
            }
            const shown = bounds();
            const beyond = step < 0 ? shown.firstColumn - 1 : shown.lastColumn + 1;
            if (tiles.some(tile => rowIndex >= Number(tile.dataset.firstRow) && rowIndex <= Number(tile.dataset.lastRow)
                && beyond >= Number(tile.dataset.firstColumn) && beyond <= Number(tile.dataset.lastColumn))
                && showBlockOf(rowIndex, beyond)) {
                const next = seatsIn(shownRow(rowIndex));
                return step < 0 ? next[next.length - 1] : next[0];
            }
            return null;
        }
        const step = key === 'ArrowUp' ? -1 : 1;
        // the next row with seats in the block shown, or else in the hall
        const shownRows = Array.from(area.querySelectorAll('.sw-row'));
        for (let i = shownRows.indexOf(row) + step; i >= 0 && i < shownRows.length; i += step) {
            const found = nearest(shownRows[i], column);
            if (found) {
                return found;
            }
        }
        const nextRow = rowIndex + step;
        if (rows && nextRow >= 0 && nextRow < rows.length && showBlockOf(nextRow, column)) {
            return nearest(shownRow(nextRow), column);
        }
        return null;
    }

    area.addEventListener('keydown', event => {
        const seat = event.target.closest('.sw-seat');
        if (!seat) {
            return;
        }
        if (event.key === 'Enter') {
            event.preventDefault();
            seat.click();
            return;
        }
        if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(event.key)) {
            return;
        }
        event.preventDefault();
        const next = target(seat, event.key);
        if (next) {
            makeFocusable(next);
            next.focus();
        }
    });

    // ---- blocks of a big venue -----------------------------------------------------------------------------

    function element(tag, className, text) {
        const made = document.createElement(tag);
        made.className = className;
        if (text !== undefined) {
            made.textContent = text;
        }
        return made;
    }

    function rowHeading(label) {
        const heading = element('span', 'sw-row-label', label);
        heading.setAttribute('aria-hidden', 'true');
        return heading;
    }

    /** Draws a block from the layout with the markup the server writes. */
    function showBlock(tile) {
        const block = tile.dataset;
        const drawn = [];
        let sectionBox = null;
        for (let index = Number(block.firstRow); index <= Number(block.lastRow); index++) {
            const row = rows[index];
            if (!sectionBox || sectionBox.dataset.sectionName !== row.section) {
                sectionBox = element('div', 'sw-hall-section');
                sectionBox.dataset.sectionName = row.section;
                sectionBox.append(element('h3', 'sw-hall-section-name', row.section));
                drawn.push(sectionBox);
            }
            const line = element('div', 'sw-row');
            Object.assign(line.dataset, {row: row.label, rowIndex: String(index), firstSeat: String(row.firstSeat)});
            line.append(rowHeading(row.label));
            sectionBox.append(line);
            let number = row.firstSeat + seatCount(row.positions, Number(block.firstColumn) - 1);
            for (let column = Number(block.firstColumn); column <= Number(block.lastColumn); column++) {
                const position = column <= row.positions.length ? row.positions[column - 1] : GAP;
                if (position === GAP) {
                    const gap = element('span', 'sw-gap');
                    gap.setAttribute('aria-hidden', 'true');
                    line.append(gap);
                    continue;
                }
                const category = categories.get(position) || {style: ''};
                const seat = element('input', ['sw-seat', category.style].join(' '));
                seat.type = 'checkbox';
                seat.name = 'seats';
                seat.value = String(number);
                Object.assign(seat.dataset, {seat: String(number), category: position, column: String(column)});
                line.append(seat);
                number++;
            }
            line.append(rowHeading(row.label));
        }
        area.replaceChildren(...drawn);
        Object.assign(map.dataset, {
            block: block.block, firstRow: block.firstRow, lastRow: block.lastRow,
            firstColumn: block.firstColumn, lastColumn: block.lastColumn
        });
        indexSeats();
        seats.forEach((seat, number) => show(seat, statusOf(number)));
        if (caption) {
            caption.textContent = format(data.blockCaption, block.block, rows[Number(block.firstRow)].section,
                rows[Number(block.firstRow)].label, rows[Number(block.lastRow)].label, block.firstColumn,
                block.lastColumn);
        }
        tiles.forEach(other => {
            if (other === tile) {
                other.setAttribute('aria-current', 'true');
            } else {
                other.removeAttribute('aria-current');
            }
        });
        resetTabStops();
        refresh();
        const address = new URL(window.location.href);
        address.searchParams.set('block', block.block);
        address.hash = 'seat-map';
        window.history.replaceState(null, '', address);
    }

    tiles.forEach(tile => tile.addEventListener('click', event => {
        if (!booked || !rows) {
            return; // not live yet: the server draws the block
        }
        event.preventDefault();
        showBlock(tile);
        if (caption) {
            caption.scrollIntoView({block: 'nearest'});
        }
    }));

    function updateTiles() {
        if (!rows) {
            return;
        }
        tiles.forEach(tile => {
            const block = tile.dataset;
            let free = 0;
            let seatsInBlock = 0;
            for (let index = Number(block.firstRow); index <= Number(block.lastRow); index++) {
                const row = rows[index];
                const from = row.firstSeat + seatCount(row.positions, Number(block.firstColumn) - 1);
                const to = row.firstSeat + seatCount(row.positions, Number(block.lastColumn));
                for (let number = from; number < to; number++) {
                    seatsInBlock++;
                    if (!isBooked(number)) {
                        free++;
                    }
                }
            }
            const level = free === 0 ? 0 : 1 + Math.min(3, Math.floor(free * 4 / (seatsInBlock + 1)));
            tile.className = tile.className.replace(/\bsw-fill-\d\b/, 'sw-fill-' + level);
            if (blockLabel) {
                tile.setAttribute('aria-label', format(blockLabel, block.block, rows[Number(block.firstRow)].section,
                    rows[Number(block.firstRow)].label, rows[Number(block.lastRow)].label, block.firstColumn,
                    block.lastColumn, counts.format(free), counts.format(seatsInBlock)));
            }
        });
    }

    // ---- the live map --------------------------------------------------------------------------------------

    function decode(base64) {
        const bytes = atob(base64 || '');
        const bits = new Uint8Array((capacity >> 3) + 1);
        for (let i = 0; i < bytes.length && i < bits.length; i++) {
            bits[i] = bytes.charCodeAt(i);
        }
        return bits;
    }

    /** Seats just booked by someone else: shown as booked, no longer selected, and said out loud. */
    function taken(numbers) {
        const lost = numbers.filter(number => selected.has(number));
        if (!lost.length || submitting) {
            return;
        }
        lost.forEach(number => {
            selected.delete(number);
            const seat = seats.get(number);
            if (seat) {
                seat.classList.remove('sw-taken-now');
                void seat.offsetWidth; // restart the animation
                seat.classList.add('sw-taken-now');
            }
        });
        announcements.textContent = format(data.takenMessage, lost.map(seatName).join('; '));
    }

    function redraw(numbers) {
        numbers.forEach(number => {
            const seat = seats.get(number);
            if (seat) {
                show(seat, statusOf(number));
            }
        });
        if (availableFact && bookedCount !== null) {
            availableFact.textContent = format(data.seatsLeft, counts.format(capacity - bookedCount),
                counts.format(capacity));
        }
        updateTiles();
        refresh();
    }

    function applySnapshot(snapshot) {
        learnLayout(snapshot.layout);
        booked = decode(snapshot.booked);
        held = decode(snapshot.held);
        bookedCount = snapshot.bookedCount;
        taken(Array.from(selected).filter(number => isTaken(number)));
        redraw(Array.from(seats.keys()));
    }

    function applyChange(change) {
        if (!booked) {
            return;
        }
        const changed = [];
        change.booked.forEach(number => {
            if (mark(number, true)) {
                changed.push(number);
            }
        });
        change.released.forEach(number => {
            if (mark(number, false)) {
                changed.push(number);
            }
        });
        (change.held || []).forEach(number => {
            if (hold(number, true)) {
                changed.push(number);
            }
        });
        (change.unheld || []).forEach(number => {
            if (hold(number, false)) {
                changed.push(number);
            }
        });
        taken(change.booked.concat(change.held || []));
        redraw(changed.filter(number => seats.has(number)));
    }

    let source = null;
    let pollTimer = null;
    let reconnectTimer = null;

    function setLive(state) {
        form.dataset.live = state;
        liveStatus.textContent = data['live' + state.charAt(0).toUpperCase() + state.slice(1)] || '';
    }

    function poll() {
        fetch(data.poll, {headers: {Accept: 'application/json'}, cache: 'no-store', credentials: 'same-origin'})
            .then(response => (response.ok ? response.json() : Promise.reject(response.status)))
            .then(snapshot => {
                if (pollTimer) {
                    applySnapshot(snapshot);
                }
            })
            .catch(() => {});
    }

    function startPolling() {
        if (pollTimer) {
            return;
        }
        setLive('polling');
        pollTimer = window.setInterval(poll, POLL_EVERY_MS);
        poll();
    }

    function stopPolling() {
        window.clearInterval(pollTimer);
        pollTimer = null;
    }

    function connect() {
        reconnectTimer = null;
        if (!('EventSource' in window)) {
            startPolling();
            return;
        }
        const stream = new EventSource(data.stream);
        source = stream;
        stream.addEventListener('snapshot', event => {
            stopPolling();
            applySnapshot(JSON.parse(event.data));
            setLive('live');
        });
        stream.addEventListener('change', event => applyChange(JSON.parse(event.data)));
        stream.addEventListener('error', () => {
            // The browser retries a dropped stream by itself (the server asks for one second); a refused one
            // (closed) is retried here. Either way the page polls until a stream delivers a map again.
            startPolling();
            if (stream.readyState === EventSource.CLOSED && source === stream && !reconnectTimer) {
                source = null;
                reconnectTimer = window.setTimeout(connect, RECONNECT_AFTER_MS);
            }
        });
    }

    window.addEventListener('online', () => {
        if (!source && reconnectTimer) {
            window.clearTimeout(reconnectTimer);
            connect();
        }
    });

    // ---- start ---------------------------------------------------------------------------------------------

    map.setAttribute('aria-describedby', 'seat-map-keys'); // the keys it describes work only with this script
    indexSeats();
    seats.forEach((seat, number) => {
        if (seat.checked && !unavailable(seat)) {
            selected.add(number);
        }
    });
    resetTabStops();
    refresh();
    setLive('connecting');
    connect();
})();
