// Lesson check questions answered in place: the form is sent in the background and
// the feedback goes into the question's live region, which a screen reader reads
// out. Without JavaScript the form posts and the page comes back at the feedback.
(function () {
    "use strict";

    function answer(section, form, event) {
        event.preventDefault();
        var live = section.querySelector("[role=status]");
        fetch(form.action, {
            method: "POST",
            body: new FormData(form),
            credentials: "same-origin",
            headers: {"X-Requested-With": "fetch"}
        }).then(function (response) {
            if (!response.ok) {
                throw new Error(String(response.status));
            }
            return response.text();
        }).then(function (html) {
            var page = new DOMParser().parseFromString(html, "text/html");
            var fresh = page.getElementById(section.id);
            if (!fresh) {
                throw new Error("no feedback");
            }
            var oldField = form.querySelector(".field");
            var newField = fresh.querySelector("form .field");
            var hasErrors = newField && newField.classList.contains("field--error");
            if (oldField && newField && (hasErrors || oldField.classList.contains("field--error"))) {
                var checked = Array.prototype.map.call(
                    form.querySelectorAll("input:checked"), function (input) { return input.value; }
                );
                oldField.replaceWith(newField);
                newField.querySelectorAll("input").forEach(function (input) {
                    input.checked = checked.indexOf(input.value) !== -1;
                });
                if (hasErrors) {
                    newField.querySelector("input").focus();
                }
            }
            // Emptied first, so the same feedback twice in a row is read again.
            live.innerHTML = "";
            window.setTimeout(function () {
                live.innerHTML = fresh.querySelector("[role=status]").innerHTML;
            }, 100);
        }).catch(function () {
            form.submit();
        });
    }

    document.querySelectorAll("[data-check-question]").forEach(function (section) {
        var form = section.querySelector("form");
        if (form) {
            form.addEventListener("submit", function (event) {
                answer(section, form, event);
            });
        }
    });
}());
