"""Demo content of the portal, written for the programme from the source documents' facts."""

# Every text below is plain StreamField raw data: a list of {"type": ..., "value": ...} blocks.
# Rich text may use only <p>, <h3>, <h4>, <b>, <i>, <ul>/<ol> with <li>, and external https links.

COURSE_TITLES = [
    "Skuteczna komunikacja w pracy",
    "Współpraca w zespole – także zdalnym",
    "Zarządzanie sobą w czasie",
    "Odporność psychiczna i radzenie sobie ze stresem",
    "Myślenie krytyczne i rozwiązywanie problemów",
    "Kreatywność w praktyce",
    "Kompetencje cyfrowe na start",
    "Sztuczna inteligencja w codziennej pracy",
    "Uczę się przez całe życie",
    "Skuteczne poszukiwanie pracy",
    "Autoprezentacja i rozmowa kwalifikacyjna",
    "Przedsiębiorczość i własna firma",
    "Asertywność, negocjacje i rozwiązywanie konfliktów",
    "Obsługa klienta i orientacja na klienta",
    "Motywacja, samoświadomość i planowanie kariery",
]


def _h2(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def _h3(text):
    return {"type": "heading", "value": {"text": text, "level": "h3"}}


def _p(html):
    return {"type": "paragraph", "value": html}


def _callout(title, html):
    return {"type": "callout", "value": {"title": title, "text": html}}


def _qa(question, answer):
    return {"question": question, "answer": answer}


def _faq_section(title, items):
    return {"type": "section", "value": {"title": title, "items": items}}


# ---------------------------------------------------------------------------
# Home page
# ---------------------------------------------------------------------------

HOME = {
    "title": "Kompetencje dla pracy",
    "seo_title": "Kompetencje dla pracy – bezpłatne kursy online WUP w Krakowie",
    "search_description": (
        "Bezpłatne kursy online z kompetencji miękkich i kompetencji przyszłości "
        "dla osób zarejestrowanych w urzędach pracy w Małopolsce. "
        "Portal prowadzi Wojewódzki Urząd Pracy w Krakowie."
    ),
    "intro": (
        "Ucz się online, za darmo i we własnym tempie. Przygotowaliśmy 15 kursów "
        "o umiejętnościach, które przydają się w każdej pracy: komunikacji, współpracy, "
        "organizacji czasu, kompetencjach cyfrowych i szukaniu zatrudnienia. "
        "Portal jest dla osób, które mają w urzędzie pracy w Małopolsce status osoby "
        "bezrobotnej lub poszukującej pracy. Za każdy zdany test otrzymasz certyfikat."
    ),
    "call_to_action": "Załóż bezpłatne konto",
    "body": [
        _h2("Dla kogo"),
        _p(
            "<p>Z kursów skorzystasz, jeśli masz w powiatowym urzędzie pracy "
            "w województwie małopolskim status:</p>"
            "<ul><li>osoby bezrobotnej albo</li>"
            "<li>osoby poszukującej pracy.</li></ul>"
            "<p>Nie musisz mieć żadnego przygotowania. Wystarczy komputer, tablet "
            "lub telefon z internetem i własny adres e-mail.</p>"
        ),
        _h2("Jak to działa"),
        _p(
            "<ol>"
            "<li><b>Załóż konto.</b> Podaj imię, nazwisko, adres e-mail i hasło. "
            "Wskaż swój status i swój urząd pracy.</li>"
            "<li><b>Potwierdź adres e-mail.</b> Wyślemy Ci wiadomość z linkiem. "
            "Kliknij go – bez tego nie zaczniesz pierwszego kursu.</li>"
            "<li><b>Wybierz kurs i ucz się.</b> Kurs składa się z lekcji: tekstów, "
            "filmów, ćwiczeń i krótkich pytań sprawdzających. Zapamiętamy, "
            "w którym miejscu skończysz.</li>"
            "<li><b>Zdaj test końcowy.</b> Test otworzy się po ukończeniu wszystkich "
            "lekcji. Zwykle do zaliczenia wystarczy 60% punktów.</li>"
            "<li><b>Pobierz certyfikat.</b> Po zdanym teście dostaniesz certyfikat "
            "w formacie PDF. Pracodawca sprawdzi go online po kodzie weryfikacyjnym.</li>"
            "<li><b>Rozmawiaj na forum.</b> Każdy kurs ma własne forum. Zadawaj pytania "
            "i dziel się doświadczeniem z innymi uczestnikami.</li>"
            "</ol>"
        ),
        _h2("Czego się nauczysz"),
        _p(
            "<p>Na start przygotowaliśmy 15 kursów. Możesz wybrać jeden albo przejść "
            "wszystkie – w dowolnej kolejności.</p>"
            "<ol>" + "".join(f"<li>{title}</li>" for title in COURSE_TITLES) + "</ol>"
        ),
        _callout(
            "Bezpłatnie, bez wychodzenia z domu",
            "<p>Kursy, testy i certyfikaty nic nie kosztują. Portal prowadzi "
            "Wojewódzki Urząd Pracy w Krakowie w ramach projektu pilotażowego "
            "„Kompetencje dla pracy”. Wystarczy założyć konto i potwierdzić "
            "adres e-mail.</p>",
        ),
    ],
}


# ---------------------------------------------------------------------------
# Regulamin portalu
# ---------------------------------------------------------------------------

REGULAMIN_BODY = [
    _p(
        "<p><b>Wersja 1.0 z 20 listopada 2026 r.</b></p>"
        "<p>Ten regulamin opisuje zasady korzystania z portalu „Kompetencje dla pracy”. "
        "Piszemy prostym językiem i zwracamy się do Ciebie bezpośrednio. "
        "Słowo „my” oznacza Administratora, czyli Wojewódzki Urząd Pracy w Krakowie.</p>"
    ),
    _h2("1. Pojęcia"),
    _p(
        "<ul>"
        "<li><b>Portal</b> – serwis internetowy „Kompetencje dla pracy” pod adresem "
        "https://kompetencjedlapracy.pl.</li>"
        "<li><b>Administrator</b> – Wojewódzki Urząd Pracy w Krakowie, Plac na Stawach 1, "
        "30-107 Kraków. Prowadzi Portal i odpowiada za jego działanie.</li>"
        "<li><b>Projekt</b> – projekt pilotażowy „Kompetencje dla pracy”, w ramach "
        "którego działa Portal.</li>"
        "<li><b>Użytkownik</b> – osoba, która ma konto w Portalu.</li>"
        "<li><b>Kurs</b> – kurs e-learningowy w Portalu. Składa się z lekcji "
        "i Testu końcowego.</li>"
        "<li><b>Test końcowy</b> – test wiedzy na końcu Kursu. Trzeba go zdać, "
        "aby otrzymać Certyfikat.</li>"
        "<li><b>Certyfikat</b> – dokument w formacie PDF, który potwierdza "
        "ukończenie Kursu.</li>"
        "<li><b>Forum</b> – miejsce, w którym Użytkownicy rozmawiają o danym Kursie. "
        "Każdy Kurs ma własne Forum.</li>"
        "</ul>"
    ),
    _h2("2. Kto może założyć konto"),
    _p(
        "<p>Strony informacyjne Portalu może czytać każdy. Konto może założyć osoba, "
        "która jest zarejestrowana w urzędzie pracy w województwie małopolskim jako:</p>"
        "<ul><li>osoba bezrobotna albo</li><li>osoba poszukująca pracy.</li></ul>"
        "<p>Chodzi o powiatowe urzędy pracy w Małopolsce i ich filie, a w Krakowie "
        "także o Grodzki Urząd Pracy. Pełną listę zobaczysz w formularzu rejestracji.</p>"
        "<p>Jeśli nie masz takiego statusu, zapytaj w urzędzie pracy w swoim powiecie, "
        "jak się zarejestrować.</p>"
    ),
    _h2("3. Rejestracja"),
    _p(
        "<p>Aby założyć konto, podaj:</p>"
        "<ul>"
        "<li>imię i nazwisko,</li>"
        "<li>adres e-mail – będzie służył do logowania,</li>"
        "<li>status: osoba bezrobotna albo osoba poszukująca pracy,</li>"
        "<li>urząd pracy (lub jego filię), w którym prowadzona jest Twoja rejestracja,</li>"
        "<li>hasło.</li>"
        "</ul>"
        "<p>Musisz też zaakceptować ten regulamin i potwierdzić, że znasz "
        "Politykę prywatności i plików cookies. Zapisujemy, którą wersję tych "
        "dokumentów przyjęto i kiedy.</p>"
        "<p>Wszystkie te dane są obowiązkowe. Jeśli czegoś zabraknie, konto nie "
        "powstanie, a formularz wskaże pole do uzupełnienia.</p>"
        "<p>Po rejestracji wyślemy Ci e-mail z linkiem. Kliknij go, aby potwierdzić "
        "adres. Bez tego nie rozpoczniesz pierwszego Kursu.</p>"
        "<p>Konto jest osobiste. Nie udostępniaj nikomu hasła. Podawaj prawdziwe dane "
        "i aktualizuj je w zakładce „Moje dane”, np. gdy zmienisz urząd pracy lub "
        "status. Nowy adres e-mail trzeba potwierdzić tak samo jak przy rejestracji.</p>"
    ),
    _h2("4. Kursy"),
    _p(
        "<p>Korzystanie z Portalu jest bezpłatne. Nie płacisz za Kursy, Testy końcowe "
        "ani Certyfikaty.</p>"
        "<p>W Portalu jest 15 Kursów z kompetencji miękkich i kompetencji przyszłości. "
        "Ich listę znajdziesz na stronie głównej. Możemy poprawiać i uzupełniać "
        "treść Kursów.</p>"
        "<p>Każdy Kurs składa się z lekcji. W lekcjach są teksty, ilustracje, filmy, "
        "pliki do pobrania i pytania sprawdzające. Twoje postępy zapisują się "
        "automatycznie, więc możesz przerwać naukę i wrócić do niej później.</p>"
        "<p>Część filmów pochodzi od zewnętrznych dostawców. Wyświetlimy je dopiero "
        "wtedy, gdy zgodzisz się na multimedialne pliki cookies.</p>"
    ),
    _h2("5. Test końcowy"),
    _p(
        "<ul>"
        "<li>Test końcowy otwiera się, gdy ukończysz wszystkie lekcje Kursu.</li>"
        "<li>Przy każdym podejściu losujemy pytania z większej puli i mieszamy "
        "kolejność odpowiedzi.</li>"
        "<li>Aby zdać, musisz uzyskać wymagany wynik. Zwykle jest to 60% punktów. "
        "Próg dla danego Kursu podajemy na jego stronie.</li>"
        "<li>Liczba podejść jest ograniczona. Po nieudanym podejściu trzeba odczekać "
        "określony czas, zanim spróbujesz ponownie. Oba limity podajemy na stronie "
        "Kursu.</li>"
        "<li>Jeśli test zostanie przerwany, np. przez utratę połączenia, możesz "
        "wrócić i dokończyć to samo podejście.</li>"
        "<li>Niektóre testy mają limit czasu. Jeśli z powodu niepełnosprawności "
        "lub innej ważnej przyczyny potrzebujesz więcej czasu, napisz do nas przed "
        "rozpoczęciem testu. Możemy go dla Ciebie wydłużyć.</li>"
        "<li>Po oddaniu testu zobaczysz wynik i omówienie odpowiedzi.</li>"
        "<li>Rozwiązuj test samodzielnie.</li>"
        "</ul>"
    ),
    _h2("6. Certyfikat"),
    _p(
        "<p>Gdy zdasz Test końcowy, przygotujemy Certyfikat w formacie PDF. "
        "Gdy będzie gotowy, dostaniesz e-mail. Certyfikat możesz pobrać tylko Ty, "
        "po zalogowaniu.</p>"
        "<p>Na Certyfikacie znajdziesz:</p>"
        "<ul>"
        "<li>imię i nazwisko w brzmieniu z dnia wydania,</li>"
        "<li>tytuł Kursu,</li>"
        "<li>datę wydania,</li>"
        "<li>numer Certyfikatu,</li>"
        "<li>kod weryfikacyjny i kod QR.</li>"
        "</ul>"
        "<p>Każdy, np. pracodawca, może sprawdzić Certyfikat na publicznej stronie "
        "weryfikacji. Wystarczy zeskanować kod QR albo wpisać kod weryfikacyjny. "
        "Strona pokaże, czy Certyfikat jest ważny, komu go wydano, jakiego Kursu "
        "dotyczy i kiedy go wystawiono.</p>"
    ),
    _h2("7. Zasady Forum"),
    _p(
        "<p>Na Forum piszą Użytkownicy, którzy potwierdzili adres e-mail. "
        "Prosimy o przestrzeganie kilku zasad:</p>"
        "<ul>"
        "<li>Pisz z szacunkiem. Nie obrażaj, nie wyśmiewaj i nie dyskryminuj innych.</li>"
        "<li>Nie publikuj danych osobowych innych osób, np. nazwiska, numeru telefonu, "
        "adresu czy numeru PESEL. Chroń też własne dane. Portal ostrzeże Cię, "
        "jeśli wpis wygląda na zawierający takie informacje.</li>"
        "<li>Nie zamieszczaj reklam, ofert handlowych ani spamu.</li>"
        "<li>Nie publikuj treści niezgodnych z prawem ani cudzych tekstów i zdjęć "
        "bez zgody autora.</li>"
        "<li>Trzymaj się tematu Kursu.</li>"
        "</ul>"
        "<p>O porządek dbają moderatorzy. Mogą ukryć wpis, zamknąć, przypiąć lub "
        "przenieść wątek, a także czasowo wyciszyć Użytkownika, który łamie zasady. "
        "Wyciszona osoba przez pewien czas nie może pisać. Każde takie działanie "
        "zapisujemy razem z powodem.</p>"
        "<p>Jeśli zauważysz wpis, który narusza zasady, kliknij przy nim „Zgłoś”. "
        "Zgłoszenie trafi do moderatorów.</p>"
        "<p>Swój wpis możesz poprawić przez krótki czas po jego dodaniu. Możesz też "
        "zapisać się na powiadomienia e-mail o nowych odpowiedziach w wątku.</p>"
    ),
    _h2("8. Wymagania techniczne"),
    _p(
        "<p>Do korzystania z Portalu potrzebujesz:</p>"
        "<ul>"
        "<li>komputera, tabletu lub smartfona z dostępem do internetu,</li>"
        "<li>aktualnej wersji popularnej przeglądarki, np. Firefox, Chrome, Edge "
        "lub Safari,</li>"
        "<li>włączonych niezbędnych plików cookies – bez nich nie można się zalogować,</li>"
        "<li>aktywnego adresu e-mail,</li>"
        "<li>programu do otwierania plików PDF – aby pobrać i wydrukować Certyfikat.</li>"
        "</ul>"
        "<p>Główne funkcje Portalu działają także wtedy, gdy JavaScript jest wyłączony.</p>"
    ),
    _h2("9. Reklamacje"),
    _p(
        "<p>Jeśli Portal nie działa tak, jak powinien, możesz złożyć reklamację. "
        "Wyślij ją e-mailem na adres kontakt@kompetencjedlapracy.pl albo listem "
        "na adres Administratora. Zrób to w ciągu 30 dni od dnia, w którym "
        "wystąpił problem.</p>"
        "<p>W reklamacji podaj:</p>"
        "<ul>"
        "<li>imię i nazwisko oraz adres e-mail, na który masz konto,</li>"
        "<li>opis problemu: co się stało, kiedy i na której stronie lub w którym Kursie,</li>"
        "<li>czego oczekujesz, np. przywrócenia postępów w Kursie.</li>"
        "</ul>"
        "<p>Odpowiemy w ciągu 14 dni kalendarzowych od otrzymania reklamacji. "
        "Jeśli sprawa wymaga dłuższego sprawdzenia, np. analizy technicznej, "
        "napiszemy Ci o tym i podamy nowy termin. Odpowiedź wyślemy e-mailem.</p>"
        "<p>Jeśli uznamy reklamację, usuniemy błąd albo uzgodnimy z Tobą inne "
        "rozwiązanie.</p>"
        "<p>Portal nie załatwia spraw należących do urzędów pracy. Pytania o status, "
        "zasiłek czy zwrot kosztów kieruj do swojego powiatowego urzędu pracy.</p>"
    ),
    _h2("10. Dane osobowe i usunięcie konta"),
    _p(
        "<p>Administratorem Twoich danych osobowych jest Wojewódzki Urząd Pracy "
        "w Krakowie. Zasady przetwarzania danych i Twoje prawa opisuje "
        "Polityka prywatności i plików cookies.</p>"
        "<p>Konto możesz usunąć w każdej chwili w ustawieniach konta. Usunięcie konta "
        "traktujemy jak żądanie usunięcia danych. Zanim to zrobisz, pobierz "
        "potrzebne Ci Certyfikaty.</p>"
        "<p>Po usunięciu konta:</p>"
        "<ul>"
        "<li>nie zalogujesz się już na to konto,</li>"
        "<li>usuniemy treść Twoich wpisów na Forum, a jako autor pojawi się "
        "„Użytkownik usunięty”,</li>"
        "<li>zachowamy tylko dane, których przechowywania wymaga prawo, np. na potrzeby "
        "sprawozdań z Projektu – i powiemy Ci, co zachowaliśmy i dlaczego.</li>"
        "</ul>"
    ),
    _h2("11. Zmiany regulaminu"),
    _p(
        "<p>Możemy zmienić regulamin, np. gdy zmienią się przepisy, zasady Projektu "
        "albo funkcje Portalu. O zmianie poinformujemy Cię w Portalu i e-mailem. "
        "Każda wersja ma swój numer i datę.</p>"
        "<p>Przy najbliższym logowaniu poprosimy Cię o akceptację nowej wersji. "
        "Bez niej dalsze korzystanie z konta nie będzie możliwe. Jeśli nie zgadzasz "
        "się na zmiany, możesz usunąć konto.</p>"
    ),
    _h2("12. Postanowienia końcowe"),
    _p(
        "<p>Spory staramy się rozwiązywać polubownie, w drodze rozmowy. W sprawach, "
        "których nie opisuje ten regulamin, stosuje się przepisy prawa polskiego, "
        "w tym Kodeksu cywilnego i ustawy o świadczeniu usług drogą elektroniczną.</p>"
        "<p>Regulamin obowiązuje od 20 listopada 2026 r.</p>"
    ),
]


# ---------------------------------------------------------------------------
# Polityka prywatności i plików cookies
# ---------------------------------------------------------------------------

PRIVACY_BODY = [
    _p(
        "<p><b>Wersja 1.0 z 20 listopada 2026 r.</b></p>"
        "<p>W tym dokumencie wyjaśniamy, co dzieje się z Twoimi danymi w portalu "
        "„Kompetencje dla pracy”. Opisujemy też, jak korzystamy z plików cookies.</p>"
    ),
    _h2("1. Kto odpowiada za Twoje dane"),
    _p(
        "<p>Administratorem Twoich danych osobowych jest Wojewódzki Urząd Pracy "
        "w Krakowie, Plac na Stawach 1, 30-107 Kraków. W tej polityce piszemy o nim "
        "„Administrator” albo „my”.</p>"
        "<p>W sprawach ochrony danych napisz na adres <b>ochronadanych@wup-krakow.pl</b> "
        "albo wyślij list na adres Administratora.</p>"
        "<p>Portal działa w ramach projektu pilotażowego „Kompetencje dla pracy – "
        "doskonalenie kluczowych umiejętności miękkich i kompetencji przyszłości "
        "z wykorzystaniem interaktywnych narzędzi edukacyjnych, umożliwiających "
        "przekazywanie wiedzy i umiejętności na odległość” (dalej: Projekt).</p>"
        "<p>Skrót RODO oznacza ogólne rozporządzenie o ochronie danych, czyli "
        "rozporządzenie Parlamentu Europejskiego i Rady (UE) 2016/679 "
        "z 27 kwietnia 2016 r.</p>"
    ),
    _h2("2. Jakie dane zbieramy"),
    _h3("Gdy przeglądasz Portal"),
    _p(
        "<p>Także bez konta Twoja przeglądarka przekazuje nam pewne informacje, "
        "np. adres IP, rodzaj przeglądarki i czas wizyty. Zapisujemy też niezbędne "
        "pliki cookies. Więcej o cookies przeczytasz w punkcie 11.</p>"
    ),
    _h3("Gdy zakładasz konto"),
    _p(
        "<p>Przy rejestracji prosimy o:</p>"
        "<ul>"
        "<li>imię i nazwisko,</li>"
        "<li>adres e-mail,</li>"
        "<li>status: osoba bezrobotna albo osoba poszukująca pracy,</li>"
        "<li>urząd pracy (lub jego filię), w którym prowadzona jest Twoja rejestracja,</li>"
        "<li>hasło.</li>"
        "</ul>"
        "<p>Te dane są obowiązkowe – bez nich nie założysz konta. Zapisujemy też datę "
        "i wersję zaakceptowanego regulaminu oraz tej polityki.</p>"
    ),
    _h3("Gdy korzystasz z konta"),
    _p(
        "<p>Zapisujemy informacje o Twojej aktywności w Portalu: postępy w lekcjach, "
        "podejścia do testów i wyniki, wydane Certyfikaty, wpisy na Forum, "
        "subskrypcje powiadomień i złożone wnioski w sprawie danych.</p>"
    ),
    _h3("Gdy do nas piszesz"),
    _p(
        "<p>Jeśli skorzystasz z formularza kontaktowego albo napiszesz na adres "
        "kontakt@kompetencjedlapracy.pl, przetwarzamy Twoje imię, adres e-mail "
        "i treść wiadomości. Podaj tylko te dane, które są potrzebne do załatwienia "
        "sprawy.</p>"
    ),
    _h2("3. Cele i podstawy prawne"),
    _p(
        "<p>Twoje dane przetwarzamy w tych celach:</p>"
        "<ul>"
        "<li><b>Prowadzenie konta</b> – udostępnianie Kursów, Testów końcowych, "
        "Certyfikatów i Forum oraz pomoc w korzystaniu z Portalu. Podstawa: "
        "art. 6 ust. 1 lit. b RODO, bo bez tego nie możemy świadczyć usługi, "
        "z której korzystasz.</li>"
        "<li><b>Odpowiedzi na wiadomości i reklamacje</b> – obsługa formularza "
        "kontaktowego, e-maili i reklamacji. Podstawa: art. 6 ust. 1 lit. b RODO.</li>"
        "<li><b>Monitoring, ewaluacja, kontrola, audyt i sprawozdawczość Projektu</b>. "
        "Podstawa: art. 6 ust. 1 lit. c RODO, czyli obowiązek prawny Administratora "
        "związany z realizacją projektu pilotażowego.</li>"
        "<li><b>Informowanie o Projekcie i jego promocja</b>. Podstawa: "
        "art. 6 ust. 1 lit. c RODO.</li>"
        "<li><b>Statystyki i analizy</b> – sprawdzamy, jak korzystasz z Portalu, "
        "aby ulepszać jego funkcje. Zestawienia tworzymy zbiorczo, bez danych "
        "pozwalających kogoś rozpoznać. Podstawa: art. 6 ust. 1 lit. f RODO, "
        "czyli nasz prawnie uzasadniony interes.</li>"
        "<li><b>Sprawdzanie działania i bezpieczeństwa Portalu</b>. Podstawa: "
        "art. 6 ust. 1 lit. f RODO.</li>"
        "<li><b>Archiwizacja dokumentacji</b>. Podstawa: art. 6 ust. 1 lit. f RODO.</li>"
        "<li><b>Ustalenie, dochodzenie lub obrona roszczeń</b>. Podstawa: "
        "art. 6 ust. 1 lit. f RODO.</li>"
        "<li><b>Analityczne i multimedialne pliki cookies</b>. Podstawa: Twoja zgoda, "
        "czyli art. 6 ust. 1 lit. a RODO.</li>"
        "</ul>"
        "<p>Na Forum nie podawaj danych innych osób. Jeśli musisz o kimś wspomnieć, "
        "możesz to zrobić tylko za jego zgodą i zgodnie z prawem.</p>"
    ),
    _h2("4. Komu przekazujemy dane"),
    _p(
        "<p>Twoje dane mogą otrzymać:</p>"
        "<ul>"
        "<li>firmy, które na nasze zlecenie utrzymują Portal – dostawca hostingu "
        "oraz firmy serwisujące nasze systemy informatyczne; działają na podstawie "
        "umowy i tylko według naszych poleceń,</li>"
        "<li>minister właściwy do spraw pracy oraz podmioty, które na jego zlecenie "
        "kontrolują i audytują Projekt,</li>"
        "<li>Partner Projektu – Fundacja Nauka Biznes, ul. Grodzka 42/1, "
        "31-044 Kraków – oraz podmioty, z którymi Partner zawarł umowy na usługi "
        "w ramach Projektu,</li>"
        "<li>organy i instytucje uprawnione na podstawie przepisów, np. sąd lub policja "
        "– tylko na ich żądanie i w granicach prawa.</li>"
        "</ul>"
        "<p>Nie sprzedajemy danych i nie wykorzystujemy ich do reklamy.</p>"
    ),
    _h2("5. Przekazywanie danych poza EOG"),
    _p(
        "<p>Nie przekazujemy Twoich danych do państw spoza Europejskiego Obszaru "
        "Gospodarczego ani do organizacji międzynarodowych. Wyjątkiem mogą być "
        "multimedialne pliki cookies. Jeśli je włączysz, zewnętrzny dostawca "
        "odtwarzacza wideo może przetwarzać dane na własnych zasadach, także poza EOG. "
        "Dostawców wymieniamy w tabeli plików cookies.</p>"
    ),
    _h2("6. Jak długo przechowujemy dane"),
    _p(
        "<p>Dane związane z kontem przechowujemy, dopóki masz konto i trwa Projekt, "
        "a także do czasu jego rozliczenia. Potem przechowujemy je przez okres "
        "archiwizacji wymagany prawem. Ten okres wynika z jednolitego rzeczowego "
        "wykazu akt, który stosujemy na podstawie ustawy z 14 lipca 1983 r. "
        "o narodowym zasobie archiwalnym i archiwach.</p>"
        "<p>Niektóre dane usuwamy wcześniej:</p>"
        "<ul>"
        "<li>konto z niepotwierdzonym adresem e-mail usuwamy automatycznie po upływie "
        "wyznaczonego terminu,</li>"
        "<li>plik z kopią Twoich danych można pobrać przez 7 dni, potem go kasujemy,</li>"
        "<li>wiadomości z formularza kontaktowego usuwamy, gdy nie są już potrzebne "
        "do załatwienia sprawy,</li>"
        "<li>zapis Twojej decyzji o plikach cookies przechowujemy tylko tak długo, "
        "jak to potrzebne, aby wykazać, na co wyrażono zgodę.</li>"
        "</ul>"
        "<p>Gdy usuniesz konto, dane usuwamy albo zastępujemy pseudonimem. Zostawiamy "
        "tylko to, czego wymaga prawo, np. na potrzeby sprawozdań z Projektu.</p>"
    ),
    _h2("7. Twoje prawa"),
    _p(
        "<p>Masz prawo do:</p>"
        "<ul>"
        "<li><b>dostępu do danych</b> i otrzymania ich kopii (art. 15 RODO) – dowiesz się, "
        "jakie dane mamy, po co je przetwarzamy, komu je przekazujemy i jak długo "
        "je przechowamy,</li>"
        "<li><b>sprostowania danych</b> (art. 16 RODO) – poprawimy błędne i uzupełnimy "
        "niepełne dane; większość z nich zmienisz samodzielnie w zakładce „Moje dane”,</li>"
        "<li><b>usunięcia danych</b> (art. 17 RODO) – nie usuniemy jednak tych danych, "
        "które musimy przechowywać z mocy prawa,</li>"
        "<li><b>ograniczenia przetwarzania</b> (art. 18 RODO) – wtedy dane tylko "
        "przechowujemy: nie wysyłamy Ci wiadomości, nie możesz pisać na Forum, "
        "a Twoje dane nie trafiają do zestawień,</li>"
        "<li><b>przenoszenia danych</b> (art. 20 RODO) – dotyczy danych podanych "
        "przez Ciebie i przetwarzanych na podstawie umowy lub zgody; otrzymasz je "
        "w pliku w powszechnie używanym formacie,</li>"
        "<li><b>sprzeciwu</b> (art. 21 RODO) – możesz go zgłosić z powodu swojej "
        "szczególnej sytuacji wobec przetwarzania opartego na naszym prawnie "
        "uzasadnionym interesie (art. 6 ust. 1 lit. f RODO),</li>"
        "<li><b>wycofania zgody</b> w każdej chwili – nie wpływa to na zgodność "
        "z prawem przetwarzania sprzed wycofania.</li>"
        "</ul>"
    ),
    _h2("8. Jak skorzystać ze swoich praw"),
    _p(
        "<p>Wniosek możesz złożyć:</p>"
        "<ul>"
        "<li>e-mailem na adres ochronadanych@wup-krakow.pl – najlepiej z adresu, "
        "na który masz konto w Portalu,</li>"
        "<li>przez formularz na stronie „Kontakt”,</li>"
        "<li>listownie na adres Administratora.</li>"
        "</ul>"
        "<p>Napisz, czego dotyczy Twoje żądanie. Jeśli nie będziemy mogli ustalić, "
        "kim jesteś albo o co prosisz, poprosimy o dodatkowe informacje.</p>"
        "<p>Odpowiemy w ciągu miesiąca od otrzymania wniosku. Gdy sprawa jest "
        "skomplikowana albo wniosków jest dużo, możemy wydłużyć ten termin o kolejne "
        "dwa miesiące. O przedłużeniu i jego powodach poinformujemy Cię przed upływem "
        "pierwszego miesiąca. Jeśli odmówimy, wyjaśnimy dlaczego.</p>"
        "<p>Kopię danych przygotujemy jako plik ZIP. W środku będzie czytelne "
        "zestawienie po polsku i te same dane w formacie JSON. Plik pobierzesz "
        "po zalogowaniu w ciągu 7 dni.</p>"
    ),
    _h2("9. Skarga do organu nadzorczego"),
    _p(
        "<p>Jeśli uważasz, że przetwarzamy Twoje dane niezgodnie z prawem, możesz "
        "złożyć skargę do Prezesa Urzędu Ochrony Danych Osobowych, ul. Stawki 2, "
        "00-193 Warszawa. Możesz też najpierw napisać do nas – postaramy się "
        "wyjaśnić sprawę.</p>"
    ),
    _h2("10. Bez profilowania i bez zautomatyzowanych decyzji"),
    _p(
        "<p>Nie profilujemy Cię. Nie podejmujemy wobec Ciebie decyzji, które opierałyby "
        "się wyłącznie na zautomatyzowanym przetwarzaniu danych i wywoływały skutki "
        "prawne lub podobnie istotne.</p>"
    ),
    _h2("11. Jak chronimy dane"),
    _p(
        "<ul>"
        "<li>Połączenie z Portalem jest szyfrowane (HTTPS).</li>"
        "<li>Hasła przechowujemy wyłącznie jako skróty kryptograficzne. "
        "Nikt, także my, nie może odczytać Twojego hasła.</li>"
        "<li>Pracownicy logują się do panelu administracyjnego z użyciem "
        "uwierzytelniania dwuskładnikowego.</li>"
        "<li>Dostęp do danych mają tylko upoważnione osoby i tylko w zakresie "
        "potrzebnym do ich zadań. Każde działanie pracownika na danych osobowych "
        "– wgląd, zmiana, eksport, usunięcie – jest rejestrowane.</li>"
        "<li>Regularnie oceniamy ryzyko i sprawdzamy, czy firmy, które z nami "
        "współpracują, odpowiednio chronią dane.</li>"
        "</ul>"
    ),
    _h2("12. Pliki cookies"),
    _h3("Czym są pliki cookies"),
    _p(
        "<p>Pliki cookies, czyli „ciasteczka”, to małe pliki tekstowe, które strona "
        "zapisuje na Twoim urządzeniu – komputerze, tablecie lub telefonie. "
        "Dzięki nim np. nie musisz logować się osobno na każdej podstronie. Jedne pliki znikają "
        "po zamknięciu przeglądarki (sesyjne), inne zostają na określony czas (trwałe).</p>"
    ),
    _h3("Jakich plików używamy"),
    _p(
        "<ul>"
        "<li><b>Niezbędne</b> – zawsze włączone, bo bez nich Portal nie działa. "
        "Utrzymują sesję po zalogowaniu, chronią formularze przed atakami typu CSRF "
        "i zapamiętują Twoją decyzję w sprawie cookies. Na te pliki nie potrzebujemy "
        "zgody.</li>"
        "<li><b>Analityczne</b> – pokazują nam, jak korzysta się z Portalu, np. które "
        "strony są odwiedzane najczęściej. Zapisujemy je tylko po wyrażeniu zgody.</li>"
        "<li><b>Multimedialne</b> – używają ich odtwarzacze wideo zewnętrznych "
        "dostawców, których filmy pokazujemy w lekcjach. Film załadujemy dopiero "
        "po wyrażeniu zgody. Bez niej w miejscu filmu zobaczysz informację, "
        "jak go włączyć.</li>"
        "</ul>"
    ),
    _h3("Jak wyrazić, zmienić lub wycofać zgodę"),
    _p(
        "<p>Przy pierwszej wizycie zobaczysz baner z przyciskami „Akceptuj wszystkie”, "
        "„Odrzuć wszystkie” i „Ustawienia”. Odrzucenie jest tak samo proste jak "
        "akceptacja. Żadne pole nie jest zaznaczone z góry. Zanim podejmiesz decyzję, "
        "zapisujemy tylko niezbędne pliki.</p>"
        "<p>Decyzję możesz zmienić lub wycofać w każdej chwili przez link "
        "„Ustawienia cookies” w stopce każdej strony. Baner zapyta Cię ponownie "
        "po 12 miesiącach albo wtedy, gdy zmienimy tę politykę.</p>"
        "<p>Każdą decyzję zapisujemy z losowym identyfikatorem, datą, wybranymi "
        "kategoriami i numerem wersji polityki.</p>"
        "<p>Szczegółową tabelę plików cookies – z nazwą, dostawcą, celem i czasem "
        "przechowywania każdego pliku – znajdziesz na stronie ustawień cookies.</p>"
        "<p>Pliki cookies możesz też usuwać i blokować w ustawieniach przeglądarki. "
        "Pamiętaj jednak, że bez niezbędnych plików nie zalogujesz się do Portalu.</p>"
    ),
    {"type": "cookie_declaration", "value": None},
    _h2("13. Zmiany polityki"),
    _p(
        "<p>Regularnie sprawdzamy tę politykę i w razie potrzeby ją aktualizujemy. "
        "Każda wersja ma numer i datę. O zmianach poinformujemy Cię w Portalu. "
        "Przy najbliższym logowaniu pokażemy Ci nową wersję, a baner cookies zapyta "
        "ponownie o zgodę.</p>"
    ),
]


# ---------------------------------------------------------------------------
# Najczęstsze pytania
# ---------------------------------------------------------------------------

FAQ_BODY = [
    _faq_section(
        "Konto i rejestracja",
        [
            _qa(
                "Kto może założyć konto?",
                "<p>Konto może założyć osoba, która ma w urzędzie pracy w Małopolsce "
                "status osoby bezrobotnej lub poszukującej pracy. Przy rejestracji "
                "wybierasz swój status i urząd z listy. Jeśli nie masz takiego statusu, "
                "zapytaj w urzędzie pracy w swoim powiecie, jak się zarejestrować.</p>",
            ),
            _qa(
                "Jak zmienić urząd pracy wybrany przy rejestracji?",
                "<p>Zaloguj się i otwórz zakładkę „Moje dane”. Wybierz właściwy urząd "
                "z listy i zapisz zmiany. Tak samo zaktualizujesz swój status.</p>",
            ),
            _qa(
                "Nie przyszedł e-mail z linkiem potwierdzającym. Co zrobić?",
                "<p>Sprawdź folder ze spamem i upewnij się, że adres e-mail nie zawiera "
                "literówki. Po zalogowaniu możesz poprosić o ponowne wysłanie linku. "
                "Jeśli to nie pomoże, napisz na adres kontakt@kompetencjedlapracy.pl.</p>",
            ),
            _qa(
                "Nie pamiętam hasła. Jak ustawić nowe?",
                "<p>Na stronie logowania wybierz opcję przypomnienia hasła i podaj swój "
                "adres e-mail. Wyślemy Ci link do ustawienia nowego hasła. Link działa "
                "przez ograniczony czas.</p>",
            ),
            _qa(
                "Jak usunąć konto?",
                "<p>Napisz na adres ochronadanych@wup-krakow.pl z adresu, na który "
                "masz konto. Wcześniej pobierz swoje certyfikaty. Zachowamy tylko "
                "dane, których wymaga prawo, i powiemy Ci, jakie to dane.</p>",
            ),
        ],
    ),
    _faq_section(
        "Kursy i certyfikaty",
        [
            _qa(
                "Ile kosztują kursy?",
                "<p>Nic. Kursy, testy i certyfikaty są bezpłatne. Portal prowadzi "
                "Wojewódzki Urząd Pracy w Krakowie w ramach projektu pilotażowego.</p>",
            ),
            _qa(
                "Ile trwa jeden kurs?",
                "<p>To zależy od kursu i od Twojego tempa. Szacowany czas nauki podajemy "
                "na stronie każdego kursu. Postępy zapisują się same, więc możesz "
                "uczyć się na raty.</p>",
            ),
            _qa(
                "Ile razy mogę podejść do testu końcowego?",
                "<p>Liczba podejść jest ograniczona, a między nimi trzeba odczekać "
                "określony czas. Dokładne zasady i próg zaliczenia – zwykle 60% – "
                "podajemy na stronie kursu. Przerwane podejście możesz dokończyć "
                "później.</p>",
            ),
            _qa(
                "Co zawiera certyfikat i jak pracodawca może go sprawdzić?",
                "<p>Certyfikat w formacie PDF zawiera imię i nazwisko, tytuł kursu, "
                "datę wydania, numer i kod weryfikacyjny. Pracodawca skanuje kod QR "
                "albo wpisuje kod na publicznej stronie weryfikacji certyfikatów. "
                "Zobaczy tam, czy certyfikat jest ważny, komu i kiedy go wydano.</p>",
            ),
        ],
    ),
    _faq_section(
        "Forum",
        [
            _qa(
                "Kto może pisać na forum kursu?",
                "<p>Pisać mogą wszyscy uczestnicy, którzy potwierdzili adres e-mail. "
                "Każdy kurs ma własne forum. Nie podawaj tam numeru telefonu, adresu "
                "ani numeru PESEL – ani swoich, ani cudzych.</p>",
            ),
            _qa(
                "Co zrobić, gdy widzę obraźliwy lub niewłaściwy wpis?",
                "<p>Kliknij „Zgłoś” przy tym wpisie. Zgłoszenie trafi do moderatorów. "
                "Mogą oni ukryć wpis, zamknąć wątek albo czasowo wyciszyć autora.</p>",
            ),
        ],
    ),
    _faq_section(
        "Dane osobowe i dostępność",
        [
            _qa(
                "Jak pobrać kopię moich danych?",
                "<p>Napisz na adres ochronadanych@wup-krakow.pl z adresu, na który "
                "masz konto. Przygotujemy kopię Twoich danych i przekażemy ją "
                "w ciągu miesiąca.</p>",
            ),
            _qa(
                "Jak zmienić ustawienia plików cookies?",
                "<p>Kliknij link „Ustawienia cookies” w stopce dowolnej strony. "
                "Możesz tam włączyć lub wyłączyć pliki analityczne i multimedialne. "
                "Pliki niezbędne są zawsze włączone.</p>",
            ),
            _qa(
                "Część portalu jest dla mnie niedostępna. Co mogę zrobić?",
                "<p>Napisz na adres dostepnosc@wup-krakow.pl. Możesz poprosić "
                "o udostępnienie strony lub jej części albo o przekazanie treści "
                "w innej formie. Szczegóły znajdziesz w Deklaracji dostępności.</p>",
            ),
        ],
    ),
    _faq_section(
        "Wsparcie w Twoim urzędzie pracy",
        [
            _qa(
                "Kto w urzędzie pracy pomoże mi zaplanować dalsze kroki?",
                "<p>W powiatowym urzędzie pracy opiekuje się Tobą doradca klienta. "
                "Poznaje Twoją sytuację, mówi o dostępnych formach pomocy i może "
                "razem z Tobą przygotować indywidualny plan działania. Zapytaj "
                "o niego w swoim urzędzie.</p>",
            ),
            _qa(
                "Czy przez portal złożę wniosek o zwrot kosztów przejazdu?",
                "<p>Nie. Portal służy tylko do nauki online. Wnioski o zwrot kosztów "
                "przejazdu, zakwaterowania czy opieki nad dzieckiem składasz w swoim "
                "powiatowym urzędzie pracy, razem z dokumentami potwierdzającymi "
                "poniesione koszty. Warunki wyjaśni Ci pracownik urzędu.</p>",
            ),
        ],
    ),
]


# ---------------------------------------------------------------------------
# Kontakt
# ---------------------------------------------------------------------------

CONTACT_BODY = [
    _h2("Portal „Kompetencje dla pracy”"),
    _p(
        "<p>E-mail: <b>kontakt@kompetencjedlapracy.pl</b></p>"
        "<p>Napisz, jeśli masz problem z kontem, kursem, testem, certyfikatem "
        "albo forum. Podaj adres e-mail, na który masz konto, i opisz, co się stało. "
        "Nie wysyłaj nam hasła ani numeru PESEL.</p>"
        "<p>Możesz też skorzystać z formularza na dole tej strony.</p>"
    ),
    _h2("Administrator portalu"),
    _p(
        "<p>Wojewódzki Urząd Pracy w Krakowie, Plac na Stawach 1, 30-107 Kraków</p>"
        "<p>Więcej o urzędzie przeczytasz na stronie "
        '<a href="https://wupkrakow.praca.gov.pl">wupkrakow.praca.gov.pl</a>.</p>'
    ),
    _h2("Ochrona danych osobowych"),
    _p(
        "<p>W sprawach danych osobowych pisz na adres "
        "<b>ochronadanych@wup-krakow.pl</b>.</p>"
        "<p>Na ten adres wyślesz też wniosek o dostęp do danych, ich kopię, "
        "sprostowanie, usunięcie lub ograniczenie przetwarzania. "
        "Więcej informacji znajdziesz w Polityce prywatności i plików cookies.</p>"
    ),
    _h2("Dostępność"),
    _p(
        "<p>Jeśli jakaś część portalu jest dla Ciebie niedostępna, zajrzyj do "
        "Deklaracji dostępności. Znajdziesz w niej kontakt do koordynatora "
        "ds. dostępności i opis, jak zgłosić swoją potrzebę.</p>"
    ),
    _h2("Bezpłatna porada zawodowa"),
    _p(
        "<p>Jeśli chcesz porozmawiać o swojej ścieżce zawodowej, skorzystaj "
        "z Centrum Poradnictwa Zawodowego WUP w Krakowie. Doradcy pracują "
        "w Krakowie, Nowym Sączu, Oświęcimiu i Tarnowie, a także w punkcie "
        "w Miechowie. Porady są bezpłatne – szczegóły i zapisy znajdziesz na stronie "
        '<a href="https://wupkrakow.praca.gov.pl">wupkrakow.praca.gov.pl</a>.</p>'
    ),
    _callout(
        "Te sprawy załatwisz w swoim urzędzie pracy",
        "<p>Portal nie prowadzi spraw związanych z rejestracją w urzędzie pracy. "
        "Z pytaniami o:</p>"
        "<ul>"
        "<li>status osoby bezrobotnej lub poszukującej pracy,</li>"
        "<li>zasiłek i inne świadczenia,</li>"
        "<li>zwrot kosztów przejazdu, zakwaterowania lub opieki nad dzieckiem,</li>"
        "<li>szkolenia, staże i inne formy wsparcia</li>"
        "</ul>"
        "<p>zwróć się do swojego powiatowego urzędu pracy – najlepiej do swojego "
        "doradcy klienta.</p>",
    ),
]


# ---------------------------------------------------------------------------
# Deklaracja dostępności
# ---------------------------------------------------------------------------

ACCESSIBILITY_FIELDS = {
    "entity_name": "Wojewódzki Urząd Pracy w Krakowie",
    "site_url": "https://kompetencjedlapracy.pl",
    "published_on": "2026-11-02",
    "updated_on": "2026-11-22",
    "compliance": "partial",
    "non_compliance": (
        "<p>Wiemy o następujących niezgodnościach:</p>"
        "<ul>"
        "<li>Niektóre filmy zewnętrznych dostawców, osadzone w lekcjach, mogą nie mieć "
        "audiodeskrypcji.</li>"
        "<li>Niektóre dokumenty PDF dodane przez redaktorów mogą nie być w pełni "
        "dostępne, np. mogą nie mieć struktury nagłówków albo opisów "
        "alternatywnych obrazów.</li>"
        "<li>Ostrzeżenie przed automatycznym wylogowaniem (po godzinie bez "
        "aktywności) działa tylko przy włączonym JavaScripcie. Bez niego sesja "
        "kończy się bez ostrzeżenia. Zapisane odpowiedzi w teście zostają "
        "zachowane.</li>"
        "<li>W panelu redakcyjnym, z którego korzystają pracownicy, pole edytora "
        "tekstu sformatowanego nie ma nazwy odczytywanej przez czytniki ekranu. "
        "Pozostałe sprawdzane ekrany panelu (pulpit, zgłoszenia i dziennik "
        "moderacji, wnioski RODO, statystyki) przechodzą te same testy "
        "automatyczne.</li>"
        "</ul>"
        "<p>Usuwamy te niezgodności. Chcemy zakończyć prace do 31 marca 2027 r. "
        "Do tego czasu, jeśli potrzebujesz treści filmu lub dokumentu w innej formie, "
        "napisz do nas – przygotujemy ją dla Ciebie.</p>"
        "<p>Certyfikaty wydawane w portalu są dostępnymi dokumentami PDF "
        "i mają też wersję HTML.</p>"
    ),
    "prepared_on": "2026-11-22",
    "assessment_method": (
        "samoocena przeprowadzona przez podmiot publiczny: automatyczne testy "
        "axe-core (WCAG 2.1, poziomy A i AA) każdej strony i formularza w zwykłym "
        "widoku, w wysokim kontraście i przy tekście 200% oraz sprawdzenie obsługi "
        "klawiaturą"
    ),
    "keyboard_shortcuts": (
        "<p>Portal nie ma własnych skrótów klawiaturowych. Możesz korzystać "
        "ze standardowych skrótów przeglądarki, np. Tab i Shift+Tab do przechodzenia "
        "między elementami strony oraz Enter do otwierania linków.</p>"
        "<p>Na początku każdej strony jest link „Przejdź do treści”. Pojawia się "
        "po pierwszym naciśnięciu klawisza Tab i pozwala pominąć menu.</p>"
        "<p>Na każdej stronie możesz powiększyć tekst przyciskami A, A+ i A++ "
        "(największy rozmiar to 200%) oraz włączyć tryb wysokiego kontrastu. "
        "Portal zapamiętuje Twój wybór, także gdy JavaScript jest wyłączony.</p>"
        "<p>Po zalogowaniu sesja kończy się po godzinie bez aktywności. Na pięć "
        "minut wcześniej zobaczysz okno z przyciskiem „Przedłuż sesję”. "
        "Jeśli potrzebujesz w teście końcowym więcej czasu albo testu bez limitu "
        "czasu, napisz do nas – zespół programu może to ustawić dla Ciebie.</p>"
    ),
    "contact_person": "Koordynator ds. dostępności WUP w Krakowie",
    "contact_email": "dostepnosc@wup-krakow.pl",
    "contact_phone": "12 424 07 00",
    "feedback_procedure": (
        "<p>Każda osoba może poprosić nas o zapewnienie dostępności cyfrowej strony "
        "internetowej, jej elementu lub konkretnej treści. Możesz też poprosić "
        "o dostęp alternatywny, np. o przesłanie treści niedostępnego dokumentu "
        "w innej formie albo o opis filmu, który nie ma audiodeskrypcji.</p>"
        "<p>W żądaniu podaj:</p>"
        "<ul>"
        "<li>swoje dane kontaktowe,</li>"
        "<li>stronę internetową lub element, o który chodzi,</li>"
        "<li>sposób, w jaki mamy się z Tobą skontaktować,</li>"
        "<li>jeśli prosisz o dostęp alternatywny – formę, która Ci odpowiada.</li>"
        "</ul>"
        "<p>Spełnimy żądanie niezwłocznie, najpóźniej w ciągu 7 dni od jego otrzymania. "
        "Jeśli nie zdążymy, od razu napiszemy Ci, kiedy to zrobimy. Ten termin nie "
        "przekroczy 2 miesięcy od złożenia żądania. Jeśli nie będziemy mogli zapewnić "
        "dostępności, zaproponujemy dostęp alternatywny.</p>"
        "<p>Jeśli odmówimy albo nie zgodzisz się na zaproponowany dostęp alternatywny, "
        "możesz złożyć do nas skargę. Po wyczerpaniu tej drogi możesz powiadomić "
        "Rzecznika Praw Obywatelskich: "
        '<a href="https://bip.brpo.gov.pl">https://bip.brpo.gov.pl</a>.</p>'
        "<p>Te zasady wynikają z art. 18 ustawy z 4 kwietnia 2019 r. o dostępności "
        "cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych.</p>"
    ),
    "architecture": (
        "<p>Z portalu korzystasz przez internet – nie musisz przychodzić do urzędu. "
        "Jeśli jednak chcesz nas odwiedzić, siedziba Wojewódzkiego Urzędu Pracy "
        "w Krakowie mieści się przy Placu na Stawach 1, 30-107 Kraków.</p>"
        "<ul>"
        "<li>Punkt obsługi klientów jest na parterze.</li>"
        "<li>Na wyższe piętra można wjechać windą.</li>"
        "<li>W budynku jest toaleta dostosowana do potrzeb osób "
        "z niepełnosprawnościami.</li>"
        "<li>Do budynku możesz wejść z psem asystującym.</li>"
        "<li>Na spotkanie w urzędzie możemy zapewnić tłumacza języka migowego.</li>"
        "</ul>"
        "<p>Jeśli potrzebujesz tłumacza albo pomocy przy wejściu i poruszaniu się "
        "po budynku, daj nam znać przed wizytą. Dzięki temu dobrze się "
        "przygotujemy.</p>"
    ),
    "communication": (
        "<p>Możesz skontaktować się z nami:</p>"
        "<ul>"
        "<li>e-mailem – na adres kontakt@kompetencjedlapracy.pl, a w sprawach "
        "dostępności na adres dostepnosc@wup-krakow.pl,</li>"
        "<li>przez formularz kontaktowy w portalu.</li>"
        "</ul>"
        "<p>Jeśli chcesz załatwić sprawę w urzędzie z pomocą tłumacza polskiego "
        "języka migowego (PJM), zgłoś to co najmniej 3 dni robocze przed wizytą. "
        "Możesz też poprosić o tłumacza systemu językowo-migowego (SJM) lub "
        "sposobu komunikowania się osób głuchoniewidomych (SKOGN). Tłumacz jest "
        "bezpłatny.</p>"
    ),
}


# ---------------------------------------------------------------------------
# Pages under the home page, in menu order
# ---------------------------------------------------------------------------

PAGES = [
    {
        "type": "standard",
        "slug": "regulamin",
        "title": "Regulamin portalu",
        "intro": (
            "Zasady korzystania z portalu „Kompetencje dla pracy”: kto może założyć "
            "konto, jak działają kursy, testy, certyfikaty i forum oraz jak zgłosić "
            "reklamację."
        ),
        "search_description": (
            "Regulamin portalu Kompetencje dla pracy prowadzonego przez WUP w Krakowie: "
            "rejestracja, kursy, testy, certyfikaty, forum i reklamacje."
        ),
        "body": REGULAMIN_BODY,
    },
    {
        "type": "standard",
        "slug": "polityka-prywatnosci",
        "title": "Polityka prywatności i plików cookies",
        "intro": (
            "Jakie dane zbieramy w portalu, po co, komu je przekazujemy, jak długo je "
            "przechowujemy i jakie masz prawa. Wyjaśniamy też, jak działają pliki cookies "
            "i jak zmienić swoją zgodę."
        ),
        "search_description": (
            "Jak WUP w Krakowie przetwarza dane osobowe w portalu Kompetencje dla pracy, "
            "jakie masz prawa i jak działają pliki cookies."
        ),
        "body": PRIVACY_BODY,
    },
    {
        "type": "faq",
        "slug": "faq",
        "title": "Najczęstsze pytania",
        "intro": (
            "Krótkie odpowiedzi na częste pytania o konto, kursy, certyfikaty, forum "
            "i dane osobowe. Nie ma tu Twojego pytania? Napisz do nas – adres znajdziesz "
            "na stronie „Kontakt”."
        ),
        "search_description": (
            "Odpowiedzi na najczęstsze pytania o rejestrację, kursy, testy, certyfikaty, "
            "forum i dane osobowe w portalu Kompetencje dla pracy."
        ),
        "body": FAQ_BODY,
    },
    {
        "type": "contact",
        "notice": (
            "<p><b>Kto przetwarza Twoje dane?</b> Administratorem danych podanych w formularzu jest "
            "Wojewódzki Urząd Pracy w Krakowie, Plac na Stawach 1, 30-107 Kraków. W sprawach danych "
            "osobowych napisz na adres ochronadanych@wup-krakow.pl.</p>"
            "<p><b>Po co?</b> Tylko po to, by odpowiedzieć na Twoją wiadomość (art. 6 ust. 1 lit. b "
            "RODO). Podanie danych jest dobrowolne, ale bez adresu e-mail nie odpiszemy.</p>"
            "<p><b>Jak długo?</b> Wiadomość przechowujemy przez 12 miesięcy od jej otrzymania, "
            "potem ją usuwamy. Dostęp do niej mają pracownicy obsługujący portal i firma, która "
            "utrzymuje serwery.</p>"
            "<p><b>Twoje prawa:</b> dostęp do danych, ich sprostowanie, usunięcie, ograniczenie "
            "przetwarzania i sprzeciw, a także skarga do Prezesa Urzędu Ochrony Danych Osobowych "
            "(ul. Stawki 2, 00-193 Warszawa). Więcej w polityce prywatności.</p>"
        ),
        "slug": "kontakt",
        "title": "Kontakt",
        "intro": (
            "Masz pytanie o portal, kurs lub swoje konto? Napisz do nas. Sprawdź też, "
            "które sprawy załatwisz w swoim urzędzie pracy."
        ),
        "search_description": (
            "Kontakt z zespołem portalu Kompetencje dla pracy i z Wojewódzkim Urzędem "
            "Pracy w Krakowie, także w sprawach danych osobowych i dostępności."
        ),
        "body": CONTACT_BODY,
    },
    {
        "type": "accessibility",
        "slug": "deklaracja-dostepnosci",
        "title": "Deklaracja dostępności",
        "search_description": (
            "Deklaracja dostępności portalu Kompetencje dla pracy prowadzonego przez "
            "Wojewódzki Urząd Pracy w Krakowie."
        ),
        "fields": ACCESSIBILITY_FIELDS,
    },
]

FOOTER_TEXT = (
    "Administrator portalu: Wojewódzki Urząd Pracy w Krakowie, Plac na Stawach 1, "
    "30-107 Kraków. Kontakt: kontakt@kompetencjedlapracy.pl, ochrona danych: "
    "ochronadanych@wup-krakow.pl.\n"
    "Portal pilotażowego projektu „Kompetencje dla pracy” – bezpłatne kursy dla osób "
    "zarejestrowanych w powiatowych urzędach pracy."
)
