// The end test's time left, shown in whole minutes and updated quietly; a screen
// reader hears it only at the minutes listed in data-announce-minutes.
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

    update();
}());
