// The end test's time left, shown in whole minutes and updated quietly; a screen
// reader hears it only at the minutes listed in data-announce-minutes. When the
// time is up, the page's form marked data-timeup-submit is sent with a "timeup"
// field: the server grades the attempt with the answers on the page. Without
// JavaScript the server grades the saved answers once the deadline has passed.
(function () {
    "use strict";
    var timer = document.querySelector(".test-timer");
    if (!timer) {
        return;
    }
    var endsAt = Date.now() + Number(timer.dataset.secondsLeft) * 1000;
    var shown = timer.querySelector(".test-timer__left");
    var text = timer.querySelector("[data-timer-text]");
    var announce = timer.querySelector("[data-timer-announce]");
    var announceAt = timer.dataset.announceMinutes.split(" ").map(Number);
    var template = timer.dataset.minutesLeftText;
    var announced = {};
    var form = document.querySelector("form[data-timeup-submit]");

    function minutesLeft() {
        return Math.max(Math.ceil((endsAt - Date.now()) / 60000), 0);
    }

    function update() {
        var minutes = minutesLeft();
        text.textContent = minutes + " min";
        shown.hidden = false;
        if (announceAt.indexOf(minutes) !== -1 && !announced[minutes]) {
            announced[minutes] = true;
            announce.textContent = template + " " + minutes + ".";
        }
        if (minutes > 0) {
            window.setTimeout(update, ((endsAt - Date.now()) % 60000) || 60000);
        }
    }

    function timeUp() {
        if (!form || form.dataset.timeupSent) {
            return;
        }
        form.dataset.timeupSent = "1";
        var field = document.createElement("input");
        field.type = "hidden";
        field.name = "timeup";
        field.value = "1";
        form.appendChild(field);
        // submit() sends no button: the server sees only "timeup".
        form.submit();
    }

    update();
    window.setTimeout(timeUp, Math.max(endsAt - Date.now(), 0));
}());
