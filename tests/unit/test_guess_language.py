"""The language of an outlet that does not say it: its function words, whole lists per language.

The paragraphs are ours: one invented news item (a ferry strike in the made-up port of Varnholm)
told in each language. A list that left out the words a language shares with its neighbours
("de", "la", "en" in Spanish) handed its commonest words to the neighbour: Spanish was read as
French or left unknown, Polish as Portuguese, and such an outlet was aligned as if it were English.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.normalize import _FUNCTION_WORDS, guess_language

FERRY = {
    "en": "The ferry workers of Varnholm went on strike on Monday, and no boat left the harbour for the islands. "
          "The union said that the company had refused to pay the wages it promised in the spring. "
          "The company said it was ready to talk, but that the strike was not legal. "
          "Hundreds of passengers waited at the quay, and some of them slept in the terminal.",
    "es": "Los trabajadores del ferri de Varnholm se declararon en huelga el lunes y ningún barco salió del puerto hacia las islas. "
          "El sindicato dijo que la empresa se había negado a pagar los salarios que prometió en la primavera. "
          "La empresa afirmó que está dispuesta a negociar, pero que la huelga no es legal. "
          "Cientos de pasajeros esperaron en el muelle y algunos de ellos durmieron en la terminal.",
    "pt": "Os trabalhadores do ferry de Varnholm entraram em greve na segunda-feira e nenhum barco saiu do porto para as ilhas. "
          "O sindicato disse que a empresa se recusou a pagar os salários que prometeu na primavera. "
          "A empresa afirmou que está pronta para negociar, mas que a greve não é legal. "
          "Centenas de passageiros esperaram no cais e alguns deles dormiram no terminal.",
    "it": "I lavoratori del traghetto di Varnholm sono entrati in sciopero lunedì e nessuna nave è partita dal porto per le isole. "
          "Il sindacato ha detto che la società si è rifiutata di pagare gli stipendi promessi in primavera. "
          "La società ha affermato di essere pronta a trattare, ma che lo sciopero non è legale. "
          "Centinaia di passeggeri hanno aspettato sulla banchina e alcuni di loro hanno dormito nel terminal.",
    "fr": "Les employés du ferry de Varnholm se sont mis en grève lundi et aucun bateau n'a quitté le port pour les îles. "
          "Le syndicat a dit que la compagnie avait refusé de payer les salaires promis au printemps. "
          "La compagnie a affirmé qu'elle était prête à discuter, mais que la grève n'est pas légale. "
          "Des centaines de passagers ont attendu sur le quai et certains ont dormi dans le terminal.",
    "de": "Die Fährarbeiter von Varnholm sind am Montag in den Streik getreten, und kein Schiff hat den Hafen in Richtung der Inseln verlassen. "
          "Die Gewerkschaft sagte, dass die Firma sich geweigert habe, die im Frühling versprochenen Löhne zu zahlen. "
          "Die Firma erklärte, sie sei zu Gesprächen bereit, aber der Streik sei nicht rechtmäßig. "
          "Hunderte Fahrgäste warteten am Kai, und einige von ihnen schliefen im Terminal.",
    "nl": "De veerbootmedewerkers van Varnholm zijn maandag in staking gegaan en er is geen boot uit de haven naar de eilanden vertrokken. "
          "De vakbond zei dat het bedrijf heeft geweigerd de lonen te betalen die het in het voorjaar had beloofd. "
          "Het bedrijf zei dat het klaar is om te praten, maar dat de staking niet wettig is. "
          "Honderden passagiers wachtten op de kade en sommigen van hen sliepen in de terminal.",
    "pl": "Pracownicy promów w Varnholm rozpoczęli w poniedziałek strajk i żaden statek nie wypłynął z portu na wyspy. "
          "Związek zawodowy powiedział, że firma odmówiła wypłaty pensji, które obiecała wiosną. "
          "Firma oświadczyła, że jest gotowa do rozmów, ale że strajk nie jest legalny. "
          "Setki pasażerów czekały na nabrzeżu, a niektórzy z nich spali w terminalu.",
}


def test_each_language_of_the_ferry_story_is_named():
    for language, text in FERRY.items():
        assert guess_language(text) == language, language


def test_two_languages_half_and_half_are_not_guessed():
    assert guess_language(FERRY["es"] + " " + FERRY["en"]) is None
    assert guess_language(FERRY["es"] + " " + FERRY["pt"]) is None


@settings(max_examples=300, deadline=None)
@given(language=st.sampled_from(sorted(_FUNCTION_WORDS)), data=st.data())
def test_a_text_of_one_languages_function_words_is_never_called_another(language, data):
    """Whatever one language's function words are mixed with (names, numbers, words no list
    has), the guess is that language or none: a word it shares with others is shared out, so no
    other language can count more than it does, and a tie is no guess."""
    words = _FUNCTION_WORDS[language].split()
    picked = data.draw(st.lists(st.sampled_from(words), min_size=1, max_size=80))
    other = data.draw(st.lists(st.sampled_from(["Varnholm", "1848", "Quill", "xyzzy", "Ostra", "42"]), max_size=20))
    assert guess_language(" ".join(picked + other)) in (language, None)
