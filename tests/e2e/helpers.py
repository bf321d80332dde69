"""Steps the browser journeys share: signing in as a person does."""


def sign_in(page, email, password, code=None, start="/konto/login/"):
    """Fill in the sign-in form; with `code`, answer the two-factor step too."""
    page.goto(start)
    page.get_by_label("Adres e-mail").fill(email)
    page.get_by_label("Hasło").fill(password)
    page.get_by_role("button", name="Zaloguj", exact=True).click()
    if code:
        page.get_by_label("Kod").fill(code)
        page.get_by_role("button", name="Zaloguj", exact=True).click()
    page.wait_for_load_state()


def horizontal_overflow(page) -> int:
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
