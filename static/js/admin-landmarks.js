// Wagtail's admin has two search forms (the sidebar's and the dashboard's) that carry
// role="search" with no name; screen-reader users meet two landmarks called the same.
// Name each one; the sidebar is drawn by a script, so forms that appear later count too.
(function () {
    "use strict";
    var script = document.currentScript;
    var labels = {
        sidebar: script.dataset.sidebarLabel,
        page: script.dataset.pageLabel,
    };

    function name(form) {
        if (form.hasAttribute("aria-label") || form.hasAttribute("aria-labelledby")) {
            return;
        }
        var inSidebar = form.closest("[data-side-panel], .sidebar, #wagtail-sidebar");
        form.setAttribute("aria-label", inSidebar ? labels.sidebar : labels.page);
    }

    function nameAll(root) {
        root.querySelectorAll('form[role="search"]').forEach(name);
    }

    nameAll(document);
    new MutationObserver(function (changes) {
        changes.forEach(function (change) {
            change.addedNodes.forEach(function (node) {
                if (node.nodeType === 1) {
                    if (node.matches('form[role="search"]')) {
                        name(node);
                    }
                    nameAll(node);
                }
            });
        });
    }).observe(document.body, { childList: true, subtree: true });
})();
