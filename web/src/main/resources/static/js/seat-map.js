// Seat picking on the event page.
//
// Without this script the seat map is a plain form of checkboxes that still books (one section at a time on a big
// venue). With it:
// - the map is live: it follows the event's Server-Sent Events stream (a snapshot, then every booking and
//   cancellation), reconnects when the connection drops, and polls the same map as JSON while it cannot stream;
//   a seat the person has selected that someone else books is flagged and unselected before they submit;
// - the seats are one tab stop: arrow keys move between seats (and on into the next section), Home and End go to
//   the ends of a row, Space or Enter selects; booked seats cannot be ticked and the limit is kept;
// - on a big venue, sections are drawn here from the live map, and seats selected in other sections stay selected.
// Every text comes from the page (data attributes filled from messages.properties), never from this file.
(function () {
    'use strict';

    const form = document.querySelector('.sw-booking-form');
    if (!form) {
        return;
    }
    const data = form.dataset;
    const map = form.querySelector('.sw-seat-map');
    const caption = form.querySelector('.sw-section-caption');
    const elsewhere = form.querySelector('.sw-selected-elsewhere');
    const list = form.querySelector('.sw-selected-list');
    const total = form.querySelector('.sw-total');
    const announcements = form.querySelector('.sw-announcements');
    const liveStatus = form.querySelector('.sw-live-status');
    const bookButton = form.querySelector('[data-action="book"]');
    const availableFact = document.querySelector('[data-live-available]');
    const tiles = Array.from(document.querySelectorAll('.sw-section-tile'));
    const sectionLabel = tiles.length ? tiles[0].closest('.sw-section-grid').dataset.label : null;

    const maxSeats = Number(data.max || 10);
    const priceCents = Number(data.price || 0);
    const rowCount = Number(data.rows);
    const perRow = Number(data.seatsPerRow);
    const capacity = Number(data.capacity);
    const language = document.documentElement.lang || undefined;
    const counts = new Intl.NumberFormat(language);
    const POLL_EVERY_MS = 2000;
    const RECONNECT_AFTER_MS = 5000;

    /** Booked seats as a bit set like the server's (seat n is bit n % 8 of byte n / 8); null until the first map. */
    let booked = null;
    let bookedCount = null;
    let submitting = false;
    let seats = new Map();
    let focusable = null;
    const selected = new Set();

    function format(pattern, ...args) {
        return pattern.replace(/\{(\d+)\}/g, (match, index) => (index < args.length ? String(args[index]) : match));
    }

    function rowLabel(rowIndex) {
        let label = '';
        for (let n = rowIndex + 1; n > 0; n = Math.floor((n - 1) / 26)) {
            label = String.fromCharCode(65 + ((n - 1) % 26)) + label;
        }
        return label;
    }

    function seatName(number) {
        return format(data.selectedItem, rowLabel(Math.floor((number - 1) / perRow)), number);
    }

    function isBooked(number) {
        if (booked) {
            return ((booked[number >> 3] || 0) >> (number & 7)) & 1;
        }
        const seat = seats.get(number);
        return seat ? seat.dataset.status === 'booked' : false;
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
        return isBooked(number) ? 'booked' : selected.has(number) ? 'selected' : 'available';
    }

    function show(seat, status) {
        seat.dataset.status = status;
        seat.checked = status === 'selected';
        seat.setAttribute('aria-label', format(data.seatLabel, seat.dataset.row, seat.dataset.seat,
            data['status' + status.charAt(0).toUpperCase() + status.slice(1)]));
        if (status === 'booked') {
            seat.setAttribute('aria-disabled', 'true');
        } else {
            seat.removeAttribute('aria-disabled');
        }
    }

    function indexSeats() {
        seats = new Map(Array.from(map.querySelectorAll('.sw-seat')).map(seat => [Number(seat.value), seat]));
    }

    /** The seats of the section shown: rows and columns, both inclusive; rows zero-based, columns one-based. */
    function bounds() {
        const section = map.dataset;
        return {
            firstRow: Number(section.firstRow), lastRow: Number(section.lastRow),
            firstColumn: Number(section.firstColumn), lastColumn: Number(section.lastColumn)
        };
    }

    // ---- selection -------------------------------------------------------------------------------------------

    function refresh() {
        const chosen = Array.from(selected).sort((a, b) => a - b);
        list.textContent = chosen.length ? chosen.map(seatName).join(', ') : list.dataset.none;
        if (total) {
            total.textContent = chosen.length && priceCents > 0
                ? '· ' + new Intl.NumberFormat(language, {style: 'currency', currency: data.currency || 'GBP'})
                    .format(chosen.length * priceCents / 100)
                : '';
        }
        if (bookButton && !bookButton.hasAttribute('data-started')) {
            bookButton.disabled = chosen.length === 0;
        }
        // seats selected in other sections still go with the form
        elsewhere.replaceChildren(...chosen.filter(number => !seats.has(number)).map(number => {
            const input = document.createElement('input');
            input.type = 'hidden';
            input.name = 'seats';
            input.value = String(number);
            return input;
        }));
    }

    map.addEventListener('click', event => {
        const seat = event.target.closest('.sw-seat');
        if (!seat) {
            return;
        }
        if (seat.dataset.status === 'booked') {
            event.preventDefault();
            return;
        }
        if (seat.checked && !selected.has(Number(seat.value)) && selected.size >= maxSeats) {
            event.preventDefault();
            announcements.textContent = format(data.limitMessage, maxSeats);
        }
    });

    map.addEventListener('change', event => {
        const seat = event.target.closest('.sw-seat');
        if (!seat || seat.dataset.status === 'booked') {
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

    map.addEventListener('focusin', event => {
        const seat = event.target.closest('.sw-seat');
        if (seat) {
            makeFocusable(seat);
        }
    });

    map.addEventListener('keydown', event => {
        const seat = event.target.closest('.sw-seat');
        if (!seat) {
            return;
        }
        if (event.key === 'Enter') {
            event.preventDefault();
            seat.click();
            return;
        }
        const row = Math.floor((Number(seat.value) - 1) / perRow);
        const column = Number(seat.dataset.column);
        const shown = bounds();
        const moves = {
            ArrowLeft: [row, column - 1],
            ArrowRight: [row, column + 1],
            ArrowUp: [row - 1, column],
            ArrowDown: [row + 1, column],
            Home: [row, shown.firstColumn],
            End: [row, shown.lastColumn]
        };
        const target = moves[event.key];
        if (!target) {
            return;
        }
        event.preventDefault();
        const [targetRow, targetColumn] = target;
        if (targetRow < 0 || targetRow >= rowCount || targetColumn < 1 || targetColumn > perRow) {
            return;
        }
        const number = targetRow * perRow + targetColumn;
        if (!seats.has(number)) {
            const tile = tiles.find(candidate => contains(candidate.dataset, targetRow, targetColumn));
            if (!tile || !booked) {
                return;
            }
            showSection(tile);
        }
        const next = seats.get(number);
        if (next) {
            makeFocusable(next);
            next.focus();
        }
    });

    // ---- sections of a big venue ---------------------------------------------------------------------------

    function contains(section, row, column) {
        return row >= Number(section.firstRow) && row <= Number(section.lastRow)
            && column >= Number(section.firstColumn) && column <= Number(section.lastColumn);
    }

    function showSection(tile) {
        const section = tile.dataset;
        const rows = [];
        for (let row = Number(section.firstRow); row <= Number(section.lastRow); row++) {
            const line = document.createElement('div');
            line.className = 'sw-row';
            const label = rowLabel(row);
            line.append(rowHeading(label));
            for (let column = Number(section.firstColumn); column <= Number(section.lastColumn); column++) {
                const number = row * perRow + column;
                const seat = document.createElement('input');
                seat.type = 'checkbox';
                seat.className = 'sw-seat';
                seat.name = 'seats';
                seat.value = String(number);
                seat.dataset.seat = String(number);
                seat.dataset.row = label;
                seat.dataset.column = String(column);
                show(seat, statusOf(number));
                line.append(seat);
            }
            line.append(rowHeading(label));
            rows.push(line);
        }
        map.replaceChildren(...rows);
        Object.assign(map.dataset, {
            section: section.section, firstRow: section.firstRow, lastRow: section.lastRow,
            firstColumn: section.firstColumn, lastColumn: section.lastColumn
        });
        if (caption) {
            caption.textContent = format(data.sectionCaption, section.section, rowLabel(Number(section.firstRow)),
                rowLabel(Number(section.lastRow)), section.firstColumn, section.lastColumn);
        }
        tiles.forEach(other => {
            if (other === tile) {
                other.setAttribute('aria-current', 'true');
            } else {
                other.removeAttribute('aria-current');
            }
        });
        indexSeats();
        resetTabStops();
        refresh();
        const address = new URL(window.location.href);
        address.searchParams.set('section', section.section);
        address.hash = 'seat-map';
        window.history.replaceState(null, '', address);
    }

    function rowHeading(label) {
        const heading = document.createElement('span');
        heading.className = 'sw-row-label';
        heading.setAttribute('aria-hidden', 'true');
        heading.textContent = label;
        return heading;
    }

    tiles.forEach(tile => tile.addEventListener('click', event => {
        if (!booked) {
            return; // not live yet: the server draws the section
        }
        event.preventDefault();
        showSection(tile);
        if (caption) {
            caption.scrollIntoView({block: 'nearest'});
        }
    }));

    function updateTiles() {
        tiles.forEach(tile => {
            const section = tile.dataset;
            let free = 0;
            let seatsInSection = 0;
            for (let row = Number(section.firstRow); row <= Number(section.lastRow); row++) {
                for (let column = Number(section.firstColumn); column <= Number(section.lastColumn); column++) {
                    seatsInSection++;
                    if (!isBooked(row * perRow + column)) {
                        free++;
                    }
                }
            }
            const level = free === 0 ? 0 : 1 + Math.min(3, Math.floor(free * 4 / (seatsInSection + 1)));
            tile.className = tile.className.replace(/\bsw-fill-\d\b/, 'sw-fill-' + level);
            if (sectionLabel) {
                tile.setAttribute('aria-label', format(sectionLabel, section.section, rowLabel(Number(section.firstRow)),
                    rowLabel(Number(section.lastRow)), section.firstColumn, section.lastColumn,
                    counts.format(free), counts.format(seatsInSection)));
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
        announcements.textContent = format(data.takenMessage, lost.map(seatName).join(', '));
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
        booked = decode(snapshot.booked);
        bookedCount = snapshot.bookedCount;
        taken(Array.from(selected).filter(number => isBooked(number)));
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
        taken(change.booked);
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
        if (seat.checked && seat.dataset.status !== 'booked') {
            selected.add(number);
        }
    });
    resetTabStops();
    refresh();
    setLive('connecting');
    connect();
})();
