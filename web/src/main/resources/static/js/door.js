// The door page (/events/{id}/door): checks tickets in, scanned from their QR codes or typed as a reference and seat.
// Online, the server decides each check-in. When the connection drops it keeps working from the door list it loaded
// (every live booking, its admitted seats, the cancelled bookings and the tickets' public key, kept in localStorage):
// it checks a code's Ed25519 signature with WebCrypto, admits from its list, queues the check-in and sends the queue
// when it is back online, showing any conflict (a ticket admitted at another door meanwhile).
(function () {
    'use strict';

    const page = document.querySelector('main.sw-door');
    if (!page) {
        return;
    }
    const texts = page.dataset;
    const eventId = page.dataset.event;
    const stored = 'sw-door:' + eventId + ':';
    const answer = page.querySelector('[data-door="answer"]');
    const typed = page.querySelector('[data-door="typed"]');
    const referenceField = page.querySelector('[data-field="reference"]');
    const seatField = page.querySelector('[data-field="seat"]');
    const connection = page.querySelector('[data-door="connection"]');
    const listState = page.querySelector('[data-door="list"]');
    const queueState = page.querySelector('[data-door="queue"]');
    const conflicts = page.querySelector('[data-door="conflicts"]');
    const video = page.querySelector('[data-door="video"]');
    const cameraButton = page.querySelector('[data-action="camera"]');
    const cameraState = page.querySelector('[data-door="camera-state"]');

    class Offline extends Error {}

    // ---- what the door keeps ----

    function load(name, fallback) {
        try {
            const value = localStorage.getItem(stored + name);
            return value ? JSON.parse(value) : fallback;
        } catch (e) {
            return fallback;
        }
    }

    function save(name, value) {
        localStorage.setItem(stored + name, JSON.stringify(value));
    }

    let list = load('list', null);
    let queue = load('queue', []);
    // "bookingId:seat" to when this door admitted it (epoch ms), until the server's list shows it
    let local = load('local', {});
    let index = null;
    let publicKey = null;
    let online = navigator.onLine;

    function plain(reference) {
        return (reference || '').replace(/[\s-]/g, '').toUpperCase();
    }

    function grouped(reference) {
        const value = plain(reference);
        return value.length === 9 ? value.slice(0, 3) + '-' + value.slice(3, 6) + '-' + value.slice(6) : value;
    }

    function reindex() {
        index = {byId: new Map(), byReference: new Map(), cancelled: new Set(), admitted: new Map()};
        if (list) {
            for (const cancelled of list.cancelled) {
                index.cancelled.add(cancelled.bookingId);
                index.byReference.set(plain(cancelled.reference), {bookingId: cancelled.bookingId, seats: []});
            }
            for (const booking of list.bookings) {
                index.byId.set(booking.bookingId, booking);
                index.byReference.set(plain(booking.reference), booking);
                for (const seat of booking.checkedIn) {
                    index.admitted.set(booking.bookingId + ':' + seat, null);
                }
            }
        }
        for (const [key, at] of Object.entries(local)) {
            index.admitted.set(key, at);
        }
    }

    function format(text, ...values) {
        return values.reduce((result, value, i) => result.split('{' + i + '}').join(value), text || '');
    }

    function time(at) {
        return new Date(at).toLocaleTimeString(document.documentElement.lang || undefined);
    }

    function showState() {
        connection.textContent = online ? texts.textOnline : texts.textOffline;
        connection.className = 'badge ' + (online ? 'text-bg-success' : 'text-bg-warning');
        page.dataset.online = String(online);
        page.dataset.list = list ? 'loaded' : 'none';
        listState.textContent = list ? format(texts.textList, list.bookings.length, time(list.loadedAt)) : texts.textNoList;
        queueState.textContent = queue.length ? format(texts.textQueued, queue.length) : '';
        page.dataset.queued = String(queue.length);
    }

    // ---- the answer ----

    function show(result) {
        answer.hidden = false;
        answer.dataset.answer = result.admitted ? 'admitted' : 'refused';
        answer.classList.toggle('sw-door-admitted', result.admitted);
        answer.classList.toggle('sw-door-refused', !result.admitted);
        answer.querySelector('[data-field="verdict"]').textContent = result.admitted ? texts.textAdmitted : texts.textRefused;
        answer.querySelector('[data-field="reason"]').textContent = result.admitted
            ? (result.offline ? texts.textAdmittedOffline : '')
            : reasonText(result.reason, result.checkedInAt);
        answer.dataset.reason = result.reason || '';
        answer.querySelector('[data-field="label"]').textContent = result.label || '';
        answer.querySelector('[data-field="holder"]').textContent = result.holder || '';
        if (navigator.vibrate) {
            navigator.vibrate(result.admitted ? 80 : [80, 60, 80]);
        }
    }

    function reasonText(reason, checkedInAt) {
        if (reason === 'already-checked-in' && checkedInAt) {
            return format(texts.textReasonAlreadyCheckedInAt, time(checkedInAt));
        }
        const key = 'textReason' + (reason || 'other').split('-').map(p => p.charAt(0).toUpperCase() + p.slice(1)).join('');
        return texts[key] || texts.textReasonOther;
    }

    // ---- the server ----

    async function send(body) {
        let response;
        try {
            response = await fetch(page.dataset.checkInUrl, {
                method: 'POST',
                credentials: 'same-origin',
                cache: 'no-store',
                headers: {'Content-Type': 'application/json', Accept: 'application/json',
                    [page.dataset.csrfHeader]: page.dataset.csrfToken},
                body: JSON.stringify(body)
            });
        } catch (e) {
            throw new Offline();
        }
        if (response.status >= 500) {
            throw new Offline();
        }
        online = true;
        let json = {};
        try {
            json = await response.json();
        } catch (e) {
            // a sign-in page or an empty answer
        }
        if (response.ok) {
            return Object.assign({admitted: true}, json);
        }
        if (response.status === 401 || response.status === 403) {
            return {admitted: false, reason: 'signed-out'};
        }
        return {admitted: false, reason: json.reason || 'other', checkedInAt: json.checkedInAt};
    }

    async function refreshList() {
        try {
            const response = await fetch(page.dataset.listUrl,
                {credentials: 'same-origin', cache: 'no-store', headers: {Accept: 'application/json'}});
            if (!response.ok) {
                return;
            }
            list = await response.json();
            online = true;
            save('list', list);
            // what the server's list shows admitted no longer needs remembering here
            for (const booking of list.bookings) {
                for (const seat of booking.checkedIn) {
                    const key = booking.bookingId + ':' + seat;
                    if (!queue.some(item => item.key === key)) {
                        delete local[key];
                    }
                }
            }
            save('local', local);
            publicKey = null;
            reindex();
        } catch (e) {
            online = false;
        } finally {
            showState();
        }
    }

    // ---- tickets' codes ----

    function bytesOf(base64url) {
        const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
        const binary = atob(base64 + '==='.slice((base64.length + 3) % 4));
        return Uint8Array.from(binary, c => c.charCodeAt(0));
    }

    function uuid(bytes) {
        const hex = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
        return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-'
            + hex.slice(20);
    }

    /** The ticket a code names, with whether its signature holds; null for what is no code at all. */
    async function readCode(code) {
        const parts = code.trim().split('.');
        if (parts.length !== 3 || parts[0] !== 'SW1') {
            return null;
        }
        let payload;
        let signature;
        try {
            payload = bytesOf(parts[1]);
            signature = bytesOf(parts[2]);
        } catch (e) {
            return null;
        }
        if (payload.length !== 36) {
            return null;
        }
        const view = new DataView(payload.buffer);
        const ticket = {code: code.trim(), eventId: uuid(payload.slice(0, 16)), bookingId: uuid(payload.slice(16, 32)),
            seat: view.getInt32(32), verified: false};
        try {
            if (!publicKey && list && list.publicKey) {
                const spki = Uint8Array.from(atob(list.publicKey), c => c.charCodeAt(0));
                publicKey = await crypto.subtle.importKey('spki', spki, {name: 'Ed25519'}, false, ['verify']);
            }
            ticket.verified = !!publicKey && await crypto.subtle.verify({name: 'Ed25519'}, publicKey, signature, payload);
        } catch (e) {
            ticket.verified = false;
        }
        return ticket;
    }

    // ---- deciding ----

    /** Decides from the door's own list, as the seat map would, and queues what it admits. */
    function decideLocally(ticket) {
        let booking;
        if (ticket.code) {
            if (!ticket.verified) {
                return {admitted: false, reason: 'invalid-code'};
            }
            if (ticket.eventId !== eventId) {
                return {admitted: false, reason: 'wrong-event'};
            }
            booking = index.byId.get(ticket.bookingId);
        } else {
            booking = index.byReference.get(plain(ticket.reference));
            if (!booking) {
                // a typed reference cannot be checked without the list: a booking made since it loaded is not in it
                return {admitted: false, reason: 'not-in-list'};
            }
        }
        const bookingId = booking ? booking.bookingId : ticket.bookingId;
        if (index.cancelled.has(bookingId)) {
            return {admitted: false, reason: 'cancelled'};
        }
        const position = booking ? booking.seats.indexOf(ticket.seat) : 0;
        if (position < 0) {
            return {admitted: false, reason: 'invalid-code'};
        }
        const key = bookingId + ':' + ticket.seat;
        if (index.admitted.has(key)) {
            return {admitted: false, reason: 'already-checked-in', checkedInAt: index.admitted.get(key)};
        }
        const at = Date.now();
        local[key] = at;
        index.admitted.set(key, at);
        const label = booking ? booking.labels[position] : format(texts.textSeat, ticket.seat);
        const holder = booking ? booking.holder : '';
        const item = {key: key, at: new Date(at).toISOString(), label: label, holder: holder};
        if (ticket.code) {
            item.code = ticket.code;
        } else {
            item.reference = booking.reference;
            item.seat = ticket.seat;
        }
        queue.push(item);
        save('local', local);
        save('queue', queue);
        showState();
        return {admitted: true, offline: true, label: label, holder: holder};
    }

    function remember(result, ticket) {
        const bookingId = ticket.bookingId || (index.byReference.get(plain(ticket.reference)) || {}).bookingId;
        if (bookingId && (result.admitted || result.reason === 'already-checked-in')) {
            const key = bookingId + ':' + (result.seat || ticket.seat);
            index.admitted.set(key, result.checkedInAt ? Date.parse(result.checkedInAt) : null);
        }
    }

    async function check(ticket) {
        if (online || navigator.onLine) {
            try {
                const body = ticket.code ? {code: ticket.code} : {reference: ticket.reference, seat: ticket.seat};
                const result = await send(body);
                remember(result, ticket);
                showState();
                show(result);
                return;
            } catch (e) {
                if (!(e instanceof Offline)) {
                    throw e;
                }
                online = false;
            }
        }
        showState();
        show(decideLocally(ticket));
    }

    // ---- the queue ----

    let syncing = false;

    async function sync() {
        if (syncing || !queue.length) {
            return;
        }
        syncing = true;
        try {
            while (queue.length) {
                const item = queue[0];
                const body = item.code ? {code: item.code, at: item.at} : {reference: item.reference, seat: item.seat,
                    at: item.at};
                const result = await send(body);
                if (result.reason === 'signed-out') {
                    break;
                }
                queue.shift();
                save('queue', queue);
                const ours = result.admitted
                    || (result.reason === 'already-checked-in' && Date.parse(result.checkedInAt) === Date.parse(item.at));
                if (!ours) {
                    conflict(item, result);
                }
            }
        } catch (e) {
            if (!(e instanceof Offline)) {
                throw e;
            }
            online = false;
        } finally {
            syncing = false;
            showState();
        }
        if (!queue.length) {
            await refreshList();
        }
    }

    function conflict(item, result) {
        const shown = load('conflicts', []);
        shown.push({label: item.label, holder: item.holder, reason: result.reason, checkedInAt: result.checkedInAt});
        save('conflicts', shown);
        showConflicts();
    }

    function showConflicts() {
        const shown = load('conflicts', []);
        conflicts.hidden = !shown.length;
        const items = conflicts.querySelector('[data-field="conflicts"]');
        items.replaceChildren(...shown.map(entry => {
            const li = document.createElement('li');
            li.classList.add('list-group-item', 'list-group-item-danger');
            li.dataset.conflict = entry.reason;
            li.textContent = entry.reason === 'already-checked-in'
                ? format(texts.textConflictAlready, entry.label, entry.holder, entry.checkedInAt ? time(entry.checkedInAt) : '')
                : format(texts.textConflict, entry.label, entry.holder, reasonText(entry.reason));
            return li;
        }));
    }

    // ---- typed references ----

    typed.addEventListener('submit', event => {
        event.preventDefault();
        const reference = grouped(referenceField.value);
        const seat = Number.parseInt(seatField.value, 10);
        if (!Number.isInteger(seat) || seat < 1) {
            show({admitted: false, reason: 'seat-required'});
            seatField.focus();
            return;
        }
        referenceField.value = reference;
        check({reference: reference, seat: seat}).finally(() => {
            seatField.value = '';
            referenceField.select();
        });
    });

    // ---- the camera ----

    let stream = null;
    let lastCode = '';
    let lastAt = 0;
    const canvas = document.createElement('canvas');
    const detector = 'BarcodeDetector' in window ? new window.BarcodeDetector({formats: ['qr_code']}) : null;

    async function startCamera() {
        if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
            video.hidden = true;
            cameraState.textContent = texts.textCameraUnavailable;
            return;
        }
        try {
            stream = await navigator.mediaDevices.getUserMedia({video: {facingMode: 'environment'}, audio: false});
            video.srcObject = stream;
            await video.play();
            video.hidden = false;
            cameraState.textContent = texts.textCameraOn;
            cameraButton.textContent = texts.textCameraOff;
            setTimeout(scan, 250);
        } catch (e) {
            stream = null;
            video.hidden = true;
            cameraState.textContent = texts.textCameraUnavailable;
        }
    }

    function stopCamera() {
        if (stream) {
            stream.getTracks().forEach(track => track.stop());
        }
        stream = null;
        video.srcObject = null;
        video.hidden = true;
        cameraState.textContent = '';
        cameraButton.textContent = texts.textCameraStart;
    }

    async function decodeFrame() {
        if (detector) {
            const found = await detector.detect(video);
            return found.length ? found[0].rawValue : null;
        }
        if (typeof window.jsQR !== 'function' || !video.videoWidth) {
            return null;
        }
        const scale = Math.min(1, 640 / video.videoWidth);
        canvas.width = Math.round(video.videoWidth * scale);
        canvas.height = Math.round(video.videoHeight * scale);
        const context = canvas.getContext('2d', {willReadFrequently: true});
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        const found = window.jsQR(image.data, image.width, image.height, {inversionAttempts: 'dontInvert'});
        return found ? found.data : null;
    }

    async function scan() {
        if (!stream) {
            return;
        }
        try {
            const code = await decodeFrame();
            // a code held in front of the camera is read many times a second: it is checked once, and again only
            // after it has been out of sight for a few seconds
            if (code) {
                const seenJustNow = code === lastCode && Date.now() - lastAt <= 4000;
                lastCode = code;
                lastAt = Date.now();
                if (!seenJustNow) {
                    await scanned(code);
                }
            }
        } catch (e) {
            // a frame that could not be read; the next one may
        }
        setTimeout(scan, 250);
    }

    async function scanned(code) {
        const ticket = await readCode(code);
        if (!ticket) {
            show({admitted: false, reason: 'invalid-code'});
            return;
        }
        await check(ticket);
    }

    cameraButton.addEventListener('click', () => stream ? stopCamera() : startCamera());

    // ---- staying in touch ----

    window.addEventListener('online', () => {
        online = true;
        showState();
        sync();
    });
    window.addEventListener('offline', () => {
        online = false;
        showState();
    });
    setInterval(() => {
        if (queue.length) {
            sync();
        }
    }, 5000);
    setInterval(() => {
        if (!queue.length) {
            refreshList();
        }
    }, 30000);

    // a test or another script may hand a scanned code in directly
    page.addEventListener('door:scan', event => scanned(event.detail));

    reindex();
    showState();
    showConflicts();
    refreshList().then(sync);
    startCamera();
})();
