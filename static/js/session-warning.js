// Warn before an idle session ends and let the person extend it (WCAG 2.2.1).
// The server is asked how much time is left before anything is shown, so a
// session extended in another tab does not raise the warning here.
(function () {
    "use strict";
    var dialog = document.getElementById("session-warning");
    if (!dialog || typeof dialog.showModal !== "function" || !window.fetch) {
        return;
    }
    var statusUrl = dialog.dataset.statusUrl;
    var warningMs = Number(dialog.dataset.warningSeconds) * 1000;
    var form = dialog.querySelector("form.session-extend");
    var active = dialog.querySelector("[data-state=active]");
    var expired = dialog.querySelector("[data-state=expired]");
    var endsAt = dialog.querySelector("[data-session-ends]");
    var timer = null;
    var returnFocus = null;

    function schedule(secondsLeft) {
        window.clearTimeout(timer);
        timer = window.setTimeout(check, Math.max(secondsLeft * 1000 - warningMs, 0));
    }

    function open() {
        if (!dialog.open) {
            returnFocus = document.activeElement;
            dialog.showModal();
        }
    }

    function showWarning(secondsLeft) {
        var end = new Date(Date.now() + secondsLeft * 1000);
        endsAt.textContent = end.toLocaleTimeString("pl-PL", {hour: "2-digit", minute: "2-digit"});
        active.hidden = false;
        expired.hidden = true;
        open();
        window.clearTimeout(timer);
        timer = window.setTimeout(check, secondsLeft * 1000 + 1000);
    }

    function showExpired() {
        window.clearTimeout(timer);
        active.hidden = true;
        expired.hidden = false;
        open();
        expired.querySelector("a").focus();
    }

    function check() {
        fetch(statusUrl, {credentials: "same-origin", headers: {Accept: "application/json"}})
            .then(function (response) { return response.json(); })
            .then(function (data) {
                if (data.seconds_left <= 0) {
                    showExpired();
                } else if (data.seconds_left * 1000 > warningMs + 5000) {
                    if (dialog.open) { dialog.close(); }
                    schedule(data.seconds_left);
                } else {
                    showWarning(data.seconds_left);
                }
            })
            .catch(function () { schedule(Math.round(warningMs / 1000) + 60); });
    }

    form.addEventListener("submit", function (event) {
        event.preventDefault();
        fetch(form.action, {
            method: "POST",
            body: new FormData(form),
            credentials: "same-origin",
            headers: {Accept: "application/json"}
        })
            .then(function (response) {
                if (!response.ok) { throw new Error(response.status); }
                return response.json();
            })
            .then(function (data) {
                if (data.seconds_left <= 0) {
                    showExpired();
                    return;
                }
                dialog.close();
                if (returnFocus && returnFocus.focus) { returnFocus.focus(); }
                schedule(data.seconds_left);
            })
            .catch(function () { form.submit(); });
    });

    schedule(Number(dialog.dataset.secondsLeft));
}());
