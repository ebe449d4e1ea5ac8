// Follows the processors and a running replay on /admin/operations: polls the status endpoint once a second and
// updates the progress bar and the table. Without this script the page shows the state as it was when loaded.
(function () {
    'use strict';

    const section = document.querySelector('.sw-replay');
    if (!section) {
        return;
    }
    const texts = section.dataset;
    const state = section.querySelector('[data-replay="state"]');
    const bar = section.querySelector('[data-replay="bar"]');
    const progress = section.querySelector('.progress');
    const line = section.querySelector('[data-replay="line"]');
    const error = section.querySelector('[data-replay="error"]');
    const button = section.querySelector('[data-action="rebuild"]');

    function yesNo(value) {
        return value ? texts.textYes : texts.textNo;
    }

    function show(status) {
        const replay = status.replay;
        section.dataset.state = replay.state;
        state.textContent = texts['text' + replay.state.charAt(0) + replay.state.slice(1).toLowerCase()] || replay.state;
        bar.style.width = status.percent + '%';
        bar.textContent = status.percent + '%';
        progress.setAttribute('aria-valuenow', String(status.percent));
        line.textContent = replay.state === 'IDLE' ? '' : status.line;
        error.textContent = replay.error || '';
        button.disabled = replay.state === 'RUNNING';
        for (const processor of status.processors) {
            const row = document.querySelector('tr[data-processor="' + CSS.escape(processor.name) + '"]');
            if (!row) {
                continue;
            }
            row.querySelector('[data-field="segments"]').textContent = processor.segments;
            row.querySelector('[data-field="position"]').textContent = processor.position;
            row.querySelector('[data-field="head"]').textContent = processor.head;
            row.querySelector('[data-field="lag"]').textContent = processor.lag;
            row.querySelector('[data-field="replaying"]').textContent = yesNo(processor.replaying);
            row.querySelector('[data-field="caughtUp"]').textContent = yesNo(processor.caughtUp);
            row.querySelector('[data-field="error"]').textContent = processor.error || '';
        }
    }

    function poll() {
        fetch(section.dataset.statusUrl, {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
            .then(response => response.ok ? response.json() : Promise.reject(response.status))
            .then(show)
            .catch(() => {})
            .finally(() => setTimeout(poll, 1000));
    }

    poll();
})();
