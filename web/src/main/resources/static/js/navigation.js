// The navigation bar's menu button on narrow screens shows and hides the links, as Bootstrap's collapse does; pages
// load this instead of Bootstrap's script bundle (80 KB), of which they used nothing else.
(function () {
    'use strict';

    document.querySelectorAll('[data-action="toggle-navigation"]').forEach(button => {
        const links = document.getElementById(button.getAttribute('aria-controls'));
        button.addEventListener('click', () => {
            const open = links.classList.toggle('show');
            button.setAttribute('aria-expanded', String(open));
        });
    });
})();
