/* Live regions that arrive with the page (a message after a redirect, the number
 * of search results) are not read out: screen readers announce changes to a live
 * region, not its first content. Once the page has settled, each region marked
 * data-announce gets fresh copies of its content, which counts as new. The text
 * never leaves the page, so without JavaScript, or before this runs, it is there.
 */
(function () {
    "use strict";
    var DELAY_MS = 750;

    function renew(region) {
        var copies = Array.prototype.map.call(region.childNodes, function (node) {
            return node.cloneNode(true);
        });
        region.replaceChildren.apply(region, copies);
        region.setAttribute("data-announced", "");
    }

    function start() {
        var regions = document.querySelectorAll("[data-announce]");
        if (!regions.length) {
            return;
        }
        window.setTimeout(function () {
            Array.prototype.forEach.call(regions, renew);
        }, DELAY_MS);
    }

    if (document.readyState === "complete") {
        start();
    } else {
        window.addEventListener("load", start);
    }
})();
