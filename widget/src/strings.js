/*
 * What the widget says, in each interface language, and which language a page asks for.
 */

// Languages written right to left.
export const RTL_LANGS = ["ar", "fa", "he", "ur", "yi", "ps", "ku", "dv"];

// Every string the widget shows. English first; a language missing a key falls back to English.
export const STRINGS = {
  en: {
    title: "IT help",
    launcher: "Open chat",
    close: "Close chat",
    intro: 'Hi! Tell me about your IT problem, for example "my account is locked".',
    conversation: "Conversation",
    input: "Your message",
    placeholder: "Describe your problem",
    secretPlaceholder: "Type it here: it stays hidden",
    codePlaceholder: "Type the code",
    send: "Send",
    you: "You said:",
    bot: "Assistant said:",
    hidden: "Hidden",
    typing: "The assistant is typing",
    articles: "Articles",
    open: "Open",
    openTab: "Open in new tab",
    fixIt: "Fix it for me",
    newTab: "(opens in a new tab)",
    back: "Back to the conversation",
    loading: "Loading",
    articleError: "The article could not be loaded.",
    quickReplies: "Quick replies",
    suggestions: "Matching articles",
    person: "Talk to a person",
    rate: "Was this helpful?",
    solved: "Did this solve your problem?",
    up: "Helpful",
    down: "Not helpful",
    rateSoon: "Rating answers is not available yet",
    rated: "Thanks for your feedback.",
    why: "What was wrong?",
    wrong_article: "Wrong article",
    outdated: "Out of date",
    unclear: "Unclear",
    didnt_work: "Didn't work",
    notSent: "Not sent: the connection failed.",
    retry: "Retry",
    formTitle: "Form",
    "form.ticket.title": "Raise a ticket",
    formSent: "Sent. Thank you.",
    formFailed: "That could not be sent. Please check the fields and try again.",
    restoreFailed: "The earlier conversation could not be loaded.",
    newConversation: "New conversation",
    newStarted: "New conversation started. The earlier one is kept.",
    myTickets: "Tickets raised from this browser",
    updated: "last updated",
  },
  fr: {
    title: "Aide informatique",
    launcher: "Ouvrir le chat",
    close: "Fermer le chat",
    intro: "Bonjour ! Décrivez votre problème informatique, par exemple « mon compte est bloqué ».",
    conversation: "Conversation",
    input: "Votre message",
    placeholder: "Décrivez votre problème",
    secretPlaceholder: "Saisissez-le ici : il reste masqué",
    codePlaceholder: "Saisissez le code",
    send: "Envoyer",
    you: "Vous avez dit :",
    bot: "L'assistant a dit :",
    hidden: "Masqué",
    typing: "L'assistant écrit",
    articles: "Articles",
    open: "Ouvrir",
    openTab: "Ouvrir dans un nouvel onglet",
    fixIt: "Réparer pour moi",
    newTab: "(nouvel onglet)",
    back: "Retour à la conversation",
    loading: "Chargement",
    articleError: "L'article n'a pas pu être chargé.",
    quickReplies: "Réponses rapides",
    suggestions: "Articles correspondants",
    person: "Parler à une personne",
    rate: "Cette réponse vous a-t-elle aidé ?",
    solved: "Cela a-t-il résolu votre problème ?",
    up: "Utile",
    down: "Pas utile",
    rateSoon: "L'évaluation des réponses n'est pas encore disponible",
    rated: "Merci pour votre avis.",
    why: "Qu'est-ce qui n'allait pas ?",
    wrong_article: "Mauvais article",
    outdated: "Obsolète",
    unclear: "Pas clair",
    didnt_work: "Ça n'a pas marché",
    notSent: "Non envoyé : la connexion a échoué.",
    retry: "Réessayer",
    formTitle: "Formulaire",
    formSent: "Envoyé. Merci.",
    formFailed: "L'envoi a échoué. Vérifiez les champs et réessayez.",
    // Labels for the bot's forms, by form id and field name; English comes from the bot.
    "form.ticket.title": "Créer un ticket",
    "form.ticket.name": "Votre nom",
    "form.ticket.email": "Votre e-mail professionnel",
    "form.ticket.details": "Autre chose à ajouter ? (facultatif)",
    "form.ticket.consent": "Envoyer cette conversation avec mon ticket au support informatique",
    "form.ticket.submit": "Envoyer le ticket",
    restoreFailed: "La conversation précédente n'a pas pu être chargée.",
    newConversation: "Nouvelle conversation",
    newStarted: "Nouvelle conversation commencée. La précédente est conservée.",
    myTickets: "Tickets ouverts depuis ce navigateur",
    updated: "mis à jour",
  },
};

/**
 * The interface language for a language tag: the tag itself when there is a table for it, else its
 * primary language ("fr-CA" is French), else English.
 */
export function languageOf(tag, strings = STRINGS) {
  const lang = String(tag || "en").toLowerCase();
  return strings[lang] ? lang : strings[lang.split("-")[0]] ? lang.split("-")[0] : "en";
}

/** The string for key in language; a key the language lacks falls back to English. */
export function translate(language, key, strings = STRINGS) {
  const table = strings[language] || strings.en;
  return table[key] !== undefined ? table[key] : strings.en[key];
}

/**
 * A string of the language only, without falling back to English: false for English, whose form
 * labels come from the bot itself.
 */
export function localString(language, key, strings = STRINGS) {
  const table = strings[language];
  return language !== "en" && table && table[key];
}
