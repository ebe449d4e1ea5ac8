/*
 * The layout editor of the venue form. The form works without it: the admin then types or pastes the layout's JSON
 * into the textarea, or gives rows and seats per row. With it, the admin names sections and rows, defines categories
 * and paints them and gaps onto positions by mouse (click or drag) or keyboard, and the textarea always holds the
 * layout as JSON (SPEC §1), which is what the form sends. Editing the textarea redraws the editor once it is readable.
 */
(function () {
    'use strict';

    var root = document.getElementById('layout-editor');
    var textarea = document.getElementById('layout');
    if (!root || !textarea) {
        return;
    }
    var rowsInput = document.getElementById('rows');
    var seatsInput = document.getElementById('seatsPerRow');
    var texts = root.dataset;
    var KINDS = ['standard', 'restricted', 'wheelchair', 'companion'];
    var CODES = 'SABCDEFGHIJKLMNOPQRTUVWXYZ0123456789';
    var GAP = '.';
    var MAX_POSITIONS = 400;

    // the section keeps its heading; the editor draws itself anew below it after every change of structure
    var body = document.createElement('div');
    root.appendChild(body);
    var layout;
    var brush;
    var painting = false;
    var focus = {section: 0, row: 0, position: 0};
    var status;

    function t(key, args) {
        var text = texts[key] || key;
        (args || []).forEach(function (value, i) {
            text = text.split('{' + i + '}').join(String(value));
        });
        return text;
    }

    function element(tag, attributes, children) {
        var node = document.createElement(tag);
        Object.keys(attributes || {}).forEach(function (name) {
            if (name === 'class' && Array.isArray(attributes[name])) {
                node.className = attributes[name].join(' ');
            } else if (name === 'text') {
                node.textContent = attributes[name];
            } else if (attributes[name] !== null && attributes[name] !== undefined && attributes[name] !== false) {
                node.setAttribute(name, attributes[name] === true ? '' : attributes[name]);
            }
        });
        (children || []).forEach(function (child) {
            node.appendChild(child);
        });
        return node;
    }

    // ---- the model -------------------------------------------------------------------------------------------------

    function rowLabel(index) {
        var label = '';
        for (var n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
            label = String.fromCharCode(65 + (n - 1) % 26) + label;
        }
        return label;
    }

    function grid(rows, seatsPerRow, categories) {
        var cats = categories && categories.length ? categories : [{code: 'S', name: 'Standard', kind: 'standard'}];
        var section = {name: 'Main', rows: []};
        for (var r = 0; r < rows; r++) {
            section.rows.push({label: rowLabel(r), seats: cats[0].code.repeat(seatsPerRow)});
        }
        return {categories: cats, sections: [section]};
    }

    /** The layout of a JSON text, in the editor's own shape; throws an Error saying what is wrong. */
    function read(text) {
        var json = JSON.parse(text);
        if (!json || !Array.isArray(json.categories) || !Array.isArray(json.sections)) {
            throw new Error(t('tNotALayout'));
        }
        var categories = json.categories.map(function (category) {
            if (!category || typeof category.code !== 'string' || category.code.length !== 1) {
                throw new Error(t('tNotALayout'));
            }
            var kind = category.kind === undefined || category.kind === null ? 'standard' : category.kind;
            if (KINDS.indexOf(kind) < 0) {
                throw new Error(t('tNotALayout'));
            }
            return {code: category.code, name: String(category.name || ''), kind: kind};
        });
        if (!categories.length || !json.sections.length) {
            throw new Error(t('tNotALayout'));
        }
        var sections = json.sections.map(function (section) {
            if (!section || !Array.isArray(section.rows) || !section.rows.length) {
                throw new Error(t('tNotALayout'));
            }
            return {
                name: String(section.name || ''),
                rows: section.rows.map(function (row) {
                    var seats = row && row.seats;
                    if (typeof seats !== 'string' || !seats.length || seats.length > MAX_POSITIONS) {
                        throw new Error(t('tNotALayout'));
                    }
                    return {label: String(row.label || ''), seats: row.seats};
                })
            };
        });
        return {categories: categories, sections: sections};
    }

    function category(code) {
        return layout.categories.find(function (candidate) {
            return candidate.code === code;
        });
    }

    function counts() {
        var byCode = {};
        var capacity = 0;
        layout.categories.forEach(function (c) {
            byCode[c.code] = 0;
        });
        layout.sections.forEach(function (section) {
            section.rows.forEach(function (row) {
                for (var i = 0; i < row.seats.length; i++) {
                    var code = row.seats.charAt(i);
                    if (code !== GAP) {
                        byCode[code] = (byCode[code] || 0) + 1;
                        capacity++;
                    }
                }
            });
        });
        return {capacity: capacity, byCode: byCode};
    }

    /** JSON with one line per category and row: readable, and small enough to post a venue of 40,000 seats. */
    function format() {
        var q = JSON.stringify;
        var lines = ['{"categories": ['];
        layout.categories.forEach(function (c, i) {
            lines.push('  {"code": ' + q(c.code) + ', "name": ' + q(c.name) + ', "kind": ' + q(c.kind) + '}'
                + (i < layout.categories.length - 1 ? ',' : ''));
        });
        lines.push(' ],', ' "sections": [');
        layout.sections.forEach(function (section, i) {
            lines.push('  {"name": ' + q(section.name) + ', "rows": [');
            section.rows.forEach(function (row, r) {
                lines.push('    {"label": ' + q(row.label) + ', "seats": ' + q(row.seats) + '}'
                    + (r < section.rows.length - 1 ? ',' : ''));
            });
            lines.push('  ]}' + (i < layout.sections.length - 1 ? ',' : ''));
        });
        lines.push(' ]}');
        return lines.join('\n');
    }

    function write() {
        textarea.value = format();
        showCounts();
    }

    function freeCode() {
        for (var i = 0; i < CODES.length; i++) {
            if (!category(CODES.charAt(i))) {
                return CODES.charAt(i);
            }
        }
        return null;
    }

    function nextRowLabel(rows) {
        var last = rows.length ? rows[rows.length - 1].label : '';
        var candidate;
        if (/^\d+$/.test(last)) {
            candidate = String(Number(last) + 1);
        } else if (/^[A-Y]$/.test(last) || /^[a-y]$/.test(last)) {
            candidate = String.fromCharCode(last.charCodeAt(0) + 1);
        } else {
            candidate = rowLabel(rows.length);
        }
        var taken = rows.map(function (row) {
            return row.label;
        });
        for (var n = rows.length; taken.indexOf(candidate) >= 0; n++) {
            candidate = rowLabel(n);
        }
        return candidate;
    }

    // ---- drawing ---------------------------------------------------------------------------------------------------

    function say(text) {
        status.textContent = text;
    }

    function showCounts() {
        var figures = counts();
        root.querySelector('[data-capacity]').textContent = t('tCapacity', [figures.capacity]);
        root.querySelectorAll('[data-count]').forEach(function (cell) {
            cell.textContent = figures.byCode[cell.getAttribute('data-count')] || 0;
        });
    }

    function cellLabel(section, row, position, code) {
        var what = code === GAP ? t('tGap') : category(code) ? category(code).name : code;
        return t('tCell', [section.name, row.label, position + 1, what]);
    }

    function paintCell(cell, section, row, position) {
        var code = row.seats.charAt(position);
        var index = layout.categories.findIndex(function (c) {
            return c.code === code;
        });
        cell.setAttribute('data-category', code);
        cell.className = 'sw-le-cell' + (code === GAP ? ' sw-le-gap' : ' sw-le-c' + (index % 8));
        cell.textContent = code === GAP ? '' : code;
        cell.setAttribute('aria-label', cellLabel(section, row, position, code));
        var kind = category(code) ? category(code).kind : null;
        if (kind === 'wheelchair' || kind === 'companion' || kind === 'restricted') {
            cell.classList.add('sw-le-' + kind);
        }
    }

    function render() {
        body.textContent = '';
        body.appendChild(element('p', {class: 'form-text', text: t('tHelp')}));
        body.appendChild(element('p', {class: 'fw-semibold', 'data-capacity': true, 'aria-live': 'polite'}));
        body.appendChild(categoriesTable());
        var stage = element('div', {class: 'sw-le-stage', 'aria-hidden': 'true', text: t('tStage')});
        body.appendChild(stage);
        layout.sections.forEach(function (section, s) {
            body.appendChild(sectionBlock(section, s));
        });
        body.appendChild(element('button', {
            type: 'button', class: ['btn', 'btn-outline-primary', 'btn-sm'], 'data-action': 'add-section',
            text: t('tAddSection')
        }));
        var copy = element('button', {
            type: 'button', class: ['btn', 'btn-outline-secondary', 'btn-sm', 'ms-2'], 'data-action': 'copy-layout',
            text: t('tCopy')
        });
        body.appendChild(copy);
        status = element('p', {class: ['small', 'mt-2'], role: 'status', 'data-editor-status': true});
        body.appendChild(status);
        showCounts();
        var focused = cellAt(focus.section, focus.row, focus.position) || root.querySelector('[data-cell]');
        if (focused) {
            focused.tabIndex = 0;
        }
    }

    function categoriesTable() {
        var body = element('tbody');
        layout.categories.forEach(function (c) {
            var kind = element('select', {class: ['form-select', 'form-select-sm'], 'data-field': 'kind',
                'aria-label': t('tKind') + ' ' + c.code});
            KINDS.forEach(function (k) {
                var option = element('option', {value: k, text: t('tKind' + k.charAt(0).toUpperCase() + k.slice(1))});
                option.selected = k === c.kind;
                kind.appendChild(option);
            });
            body.appendChild(element('tr', {'data-category-row': c.code}, [
                element('td', {}, [brushChoice(c.code, c.name || c.code)]),
                element('td', {}, [element('input', {
                    type: 'text', class: ['form-control', 'form-control-sm', 'sw-le-code'], maxlength: 1, value: c.code,
                    'data-field': 'code', 'aria-label': t('tCode') + ' ' + c.code, required: true
                })]),
                element('td', {}, [element('input', {
                    type: 'text', class: ['form-control', 'form-control-sm'], maxlength: 100, value: c.name,
                    'data-field': 'name', 'aria-label': t('tName') + ' ' + c.code, required: true
                })]),
                element('td', {}, [kind]),
                element('td', {class: 'text-end', 'data-count': c.code}),
                element('td', {}, [element('button', {
                    type: 'button', class: ['btn', 'btn-outline-danger', 'btn-sm'], 'data-action': 'remove-category',
                    disabled: layout.categories.length === 1, text: '×',
                    'aria-label': t('tRemoveCategory', [c.code])
                })])
            ]));
        });
        body.appendChild(element('tr', {}, [
            element('td', {}, [brushChoice(GAP, t('tGap'))]),
            element('td', {colspan: 5}, [element('button', {
                type: 'button', class: ['btn', 'btn-outline-primary', 'btn-sm'], 'data-action': 'add-category',
                disabled: !freeCode(), text: t('tAddCategory')
            })])
        ]));
        var head = element('tr', {}, [t('tBrush'), t('tCode'), t('tName'), t('tKind'), t('tSeats'), ''].map(
            function (heading) {
                return element('th', {scope: 'col', text: heading});
            }));
        return element('fieldset', {class: 'mb-3'}, [
            element('legend', {class: 'h6', text: t('tCategories')}),
            element('table', {class: ['table', 'table-sm', 'align-middle', 'sw-le-categories']},
                [element('thead', {}, [head]), body])
        ]);
    }

    function brushChoice(code, name) {
        var id = 'brush-' + (code === GAP ? 'gap' : code);
        var input = element('input', {type: 'radio', class: 'form-check-input', name: 'brush', value: code, id: id});
        input.checked = code === brush;
        return element('div', {class: 'form-check'}, [
            input,
            element('label', {class: 'form-check-label', for: id, text: name})
        ]);
    }

    function sectionBlock(section, s) {
        var block = element('fieldset', {class: ['sw-le-section', 'mb-3'], 'data-section': s});
        block.appendChild(element('legend', {class: 'visually-hidden', text: section.name}));
        block.appendChild(element('div', {class: ['d-flex', 'gap-2', 'align-items-center', 'mb-2']}, [
            element('input', {
                type: 'text', class: ['form-control', 'form-control-sm', 'sw-le-name'], maxlength: 100,
                value: section.name,
                'data-field': 'section-name', 'aria-label': t('tSectionName'), required: true
            }),
            element('button', {
                type: 'button', class: ['btn', 'btn-outline-danger', 'btn-sm'], 'data-action': 'remove-section',
                disabled: layout.sections.length === 1, text: t('tRemoveSection', [section.name])
            })
        ]));
        var rows = element('div', {class: 'sw-le-rows'});
        section.rows.forEach(function (row, r) {
            var cells = element('div', {class: 'sw-le-cells', role: 'group', 'aria-label': row.label});
            for (var p = 0; p < row.seats.length; p++) {
                var cell = element('button', {
                    type: 'button', tabindex: -1, 'data-cell': true, 'data-section': s, 'data-row': r,
                    'data-position': p + 1
                });
                paintCell(cell, section, row, p);
                cells.appendChild(cell);
            }
            rows.appendChild(element('div', {class: 'sw-le-row', 'data-row-of': s}, [
                element('input', {
                    type: 'text', class: ['form-control', 'form-control-sm', 'sw-le-label'], maxlength: 10,
                    value: row.label,
                    'data-field': 'row-label', 'data-row': r, 'aria-label': t('tRowLabel'), required: true
                }),
                element('input', {
                    type: 'number', class: ['form-control', 'form-control-sm', 'sw-le-positions'], min: 1,
                    max: MAX_POSITIONS,
                    value: row.seats.length, 'data-field': 'positions', 'data-row': r,
                    'aria-label': t('tPositions', [row.label])
                }),
                cells,
                element('button', {
                    type: 'button', class: ['btn', 'btn-outline-danger', 'btn-sm'], 'data-action': 'remove-row',
                    'data-row': r,
                    disabled: section.rows.length === 1, text: '×', 'aria-label': t('tRemoveRow', [row.label])
                })
            ]));
        });
        block.appendChild(rows);
        block.appendChild(element('button', {
            type: 'button', class: ['btn', 'btn-outline-primary', 'btn-sm'], 'data-action': 'add-row',
            text: t('tAddRow')
        }));
        return block;
    }

    function cellAt(s, r, p) {
        return root.querySelector('[data-cell][data-section="' + s + '"][data-row="' + r + '"][data-position="'
            + (p + 1) + '"]');
    }

    // ---- changes ---------------------------------------------------------------------------------------------------

    function where(cell) {
        return {
            section: Number(cell.getAttribute('data-section')),
            row: Number(cell.getAttribute('data-row')),
            position: Number(cell.getAttribute('data-position')) - 1
        };
    }

    function paint(cell, code) {
        var at = where(cell);
        var section = layout.sections[at.section];
        var row = section.rows[at.row];
        if (row.seats.charAt(at.position) === code) {
            return;
        }
        row.seats = row.seats.slice(0, at.position) + code + row.seats.slice(at.position + 1);
        paintCell(cell, section, row, at.position);
        write();
    }

    function moveFocus(cell, to) {
        var target = to && cellAt(to.section, to.row, to.position);
        if (!target) {
            return;
        }
        cell.tabIndex = -1;
        target.tabIndex = 0;
        target.focus();
        focus = to;
    }

    /** The position above or below: rows run on over section borders, the position stays where it can. */
    function vertical(at, step) {
        var order = [];
        layout.sections.forEach(function (section, s) {
            section.rows.forEach(function (row, r) {
                order.push({section: s, row: r, length: row.seats.length});
            });
        });
        var index = order.findIndex(function (entry) {
            return entry.section === at.section && entry.row === at.row;
        });
        var next = order[index + step];
        return next && {section: next.section, row: next.row, position: Math.min(at.position, next.length - 1)};
    }

    function onKey(event) {
        var cell = event.target;
        var at = where(cell);
        var row = layout.sections[at.section].rows[at.row];
        var key = event.key;
        if (key === 'ArrowLeft' || key === 'ArrowRight') {
            var position = at.position + (key === 'ArrowLeft' ? -1 : 1);
            if (position >= 0 && position < row.seats.length) {
                moveFocus(cell, {section: at.section, row: at.row, position: position});
            }
        } else if (key === 'ArrowUp' || key === 'ArrowDown') {
            moveFocus(cell, vertical(at, key === 'ArrowUp' ? -1 : 1));
        } else if (key === ' ' || key === 'Enter') {
            paint(cell, brush);
        } else if (key === 'Delete' || key === 'Backspace' || key === GAP) {
            paint(cell, GAP);
        } else if (key.length === 1 && (category(key) || category(key.toUpperCase()))) {
            paint(cell, category(key) ? key : key.toUpperCase());
        } else {
            return;
        }
        event.preventDefault();
    }

    function renameCategory(input) {
        var old = input.closest('[data-category-row]').getAttribute('data-category-row');
        var code = input.value;
        if (!/^[A-Za-z0-9]$/.test(code) || (code !== old && category(code))) {
            input.value = old;
            return;
        }
        category(old).code = code;
        layout.sections.forEach(function (section) {
            section.rows.forEach(function (row) {
                row.seats = row.seats.split(old).join(code);
            });
        });
        if (brush === old) {
            brush = code;
        }
        changed();
    }

    function resizeRow(section, row, length) {
        var wanted = Math.max(1, Math.min(MAX_POSITIONS, Math.floor(length) || 1));
        row.seats = wanted <= row.seats.length
            ? row.seats.slice(0, wanted)
            : row.seats + layout.categories[0].code.repeat(wanted - row.seats.length);
    }

    function changed() {
        write();
        render();
    }

    function onClick(event) {
        var button = event.target.closest('[data-action]');
        if (!button || !root.contains(button)) {
            return;
        }
        var block = button.closest('[data-section]');
        var section = block ? layout.sections[Number(block.getAttribute('data-section'))] : null;
        switch (button.getAttribute('data-action')) {
            case 'add-category':
                var code = freeCode();
                layout.categories.push({code: code, name: t('tNewCategory', [code]), kind: 'standard'});
                brush = code;
                break;
            case 'remove-category':
                var removed = button.closest('[data-category-row]').getAttribute('data-category-row');
                layout.categories = layout.categories.filter(function (c) {
                    return c.code !== removed;
                });
                layout.sections.forEach(function (s) {
                    s.rows.forEach(function (row) {
                        row.seats = row.seats.split(removed).join(GAP);
                    });
                });
                if (brush === removed) {
                    brush = layout.categories[0].code;
                }
                break;
            case 'add-section':
                var width = layout.sections[layout.sections.length - 1].rows[0].seats.length;
                var name;
                for (var n = layout.sections.length + 1; !name || layout.sections.some(function (s) {
                    return s.name === name;
                }); n++) {
                    name = t('tNewSection', [n]);
                }
                var seatsOfRow = layout.categories[0].code.repeat(width);
                layout.sections.push({name: name, rows: [{label: 'A', seats: seatsOfRow}]});
                break;
            case 'remove-section':
                layout.sections.splice(layout.sections.indexOf(section), 1);
                focus = {section: 0, row: 0, position: 0};
                break;
            case 'add-row':
                var last = section.rows[section.rows.length - 1];
                section.rows.push({label: nextRowLabel(section.rows), seats: last.seats});
                break;
            case 'remove-row':
                section.rows.splice(Number(button.getAttribute('data-row')), 1);
                focus = {section: 0, row: 0, position: 0};
                break;
            case 'copy-layout':
                copy();
                return;
            default:
                return;
        }
        changed();
        var again = root.querySelector('[data-action="' + button.getAttribute('data-action') + '"]');
        if (again && !again.disabled) {
            again.focus();
        }
    }

    function copy() {
        textarea.focus();
        textarea.select();
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(textarea.value).then(function () {
                say(t('tCopied'));
            }, function () {
                say(t('tSelected'));
            });
        } else {
            say(t('tSelected'));
        }
    }

    function onInput(event) {
        var input = event.target;
        var block = input.closest('[data-section]');
        var section = block ? layout.sections[Number(block.getAttribute('data-section'))] : null;
        var categoryRow = input.closest('[data-category-row]');
        switch (input.getAttribute('data-field')) {
            case 'name':
                category(categoryRow.getAttribute('data-category-row')).name = input.value;
                break;
            case 'section-name':
                section.name = input.value;
                block.querySelector('legend').textContent = input.value;
                break;
            case 'row-label':
                section.rows[Number(input.getAttribute('data-row'))].label = input.value;
                break;
            default:
                return;
        }
        write();
    }

    function onChange(event) {
        var input = event.target;
        var block = input.closest('[data-section]');
        var section = block ? layout.sections[Number(block.getAttribute('data-section'))] : null;
        if (input.name === 'brush') {
            brush = input.value;
            return;
        }
        switch (input.getAttribute('data-field')) {
            case 'code':
                renameCategory(input);
                return;
            case 'kind':
                category(input.closest('[data-category-row]').getAttribute('data-category-row')).kind = input.value;
                changed();
                return;
            case 'positions':
                resizeRow(section, section.rows[Number(input.getAttribute('data-row'))], Number(input.value));
                changed();
                return;
            case 'name':
            case 'section-name':
            case 'row-label':
                // labels of the cells name the category, section and row
                render();
                return;
            default:
        }
    }

    function fillGrid() {
        var rows = Number(rowsInput.value);
        var seats = Number(seatsInput.value);
        if (!(rows >= 1 && rows <= 200 && seats >= 1 && seats <= 200)) {
            say(t('tRequired'));
            return;
        }
        layout = grid(rows, seats, layout ? layout.categories : null);
        brush = layout.categories[0].code;
        focus = {section: 0, row: 0, position: 0};
        changed();
    }

    // ---- start -----------------------------------------------------------------------------------------------------

    var unreadableAtStart = null;
    try {
        layout = textarea.value.trim() ? read(textarea.value) : null;
    } catch (unreadable) {
        layout = null;
        unreadableAtStart = unreadable.message;
    }
    var written = !!layout;
    if (!layout) {
        var rows = Number(rowsInput.value) || 10;
        var seats = Number(seatsInput.value) || 20;
        layout = grid(Math.min(Math.max(rows, 1), 200), Math.min(Math.max(seats, 1), 200));
    }
    brush = layout.categories[0].code;
    root.hidden = false;
    render();
    if (!written && !textarea.value.trim()) {
        write();
    }
    if (unreadableAtStart) {
        say(t('tUnreadable', [unreadableAtStart]));
    }

    var fill = element('button', {
        type: 'button', class: ['btn', 'btn-outline-primary', 'btn-sm'], 'data-action': 'fill-grid',
        text: t('tFillGrid')
    });
    fill.addEventListener('click', fillGrid);
    document.getElementById('plain-grid-actions').appendChild(fill);

    root.addEventListener('mousedown', function (event) {
        var cell = event.target.closest('[data-cell]');
        if (!cell || event.button !== 0) {
            return;
        }
        event.preventDefault();
        painting = true;
        moveFocus(root.querySelector('[data-cell][tabindex="0"]') || cell, where(cell));
        paint(cell, brush);
    });
    root.addEventListener('mouseover', function (event) {
        var cell = painting && event.target.closest('[data-cell]');
        if (cell) {
            paint(cell, brush);
        }
    });
    document.addEventListener('mouseup', function () {
        painting = false;
    });
    root.addEventListener('keydown', function (event) {
        if (event.target.matches('[data-cell]')) {
            onKey(event);
        }
    });
    root.addEventListener('click', onClick);
    root.addEventListener('input', onInput);
    root.addEventListener('change', onChange);
    textarea.addEventListener('input', function () {
        try {
            layout = read(textarea.value);
        } catch (unreadable) {
            say(t('tUnreadable', [unreadable.message]));
            return;
        }
        if (!category(brush)) {
            brush = layout.categories[0].code;
        }
        focus = {section: 0, row: 0, position: 0};
        render();
        say(t('tRead'));
    });
})();
