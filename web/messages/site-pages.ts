import { defineMessages } from "./define";

/**
 * Strings of the start page's guidance, the footer and the pages a municipality must have (about
 * and contact, privacy statement, accessibility statement); keys start with "pages.".
 * `{municipality}` is the name from the site configuration, or "your municipality".
 */
export const sitePageMessages = defineMessages(
  {
    "pages.yourMunicipality": "your municipality",
    "pages.runBy": "This service is run by {municipality}.",
    "pages.home.listHeading": "Current referenda",
    "pages.home.whoHeading": "Who runs this",
    "pages.home.who":
      "{municipality} asks its residents these questions. The votes are counted by this service, and anyone can check the count from public data.",
    "pages.home.howHeading": "How voting works",
    "pages.home.how1": "Register once with the code from the letter the municipality sent you.",
    "pages.home.how2": "Your device keeps a voting key. Write down the recovery code it shows you.",
    "pages.home.how3": "Choose a referendum above and vote. Your vote is anonymous: nobody can see who chose what.",
    "pages.home.how4": "Keep your receipt. It shows that your vote was counted.",
    "pages.home.needHeading": "What you need",
    "pages.home.need1": "The letter with your registration code.",
    "pages.home.need2": "A computer, tablet or phone with an up-to-date browser.",
    "pages.home.need3": "A few minutes. Preparing an anonymous vote can take up to a minute on an older phone.",
    "pages.home.helpHeading": "Help",
    "pages.home.help":
      "Lost your letter, or something does not work? Contact {municipality}: {contact}. Nobody from the municipality will ever ask for your recovery code.",
    "pages.home.helpNoContact": "Lost your letter, or something does not work? Contact your municipality.",
    "pages.home.register": "Register with your letter",
    "pages.footer.nav": "About this site",
    "pages.footer.about": "About and contact",
    "pages.footer.privacy": "Privacy statement",
    "pages.footer.accessibility": "Accessibility statement",
    "pages.about.title": "About and contact",
    "pages.about.intro":
      "This website lets residents vote anonymously in referenda and lets anyone check every result. It uses open-source software (BLING).",
    "pages.about.contactHeading": "Contact",
    "pages.about.email": "Email: {email}",
    "pages.about.phone": "Phone: {phone}",
    "pages.about.website": "Website: {website}",
    "pages.about.noContact": "The contact details of your municipality are on its own website.",
    "pages.privacy.title": "Privacy statement",
    "pages.privacy.intro":
      "{municipality} is responsible for the personal data processed by this service. We process as little as possible.",
    "pages.privacy.whatHeading": "What we process",
    "pages.privacy.what1":
      "The register of voters: for each letter a code, stored only as a fingerprint (hash), and the public part of the voting key you register with it.",
    "pages.privacy.what2":
      "Your vote: it is sent with an anonymous proof. It is not linked to your name, your letter or your voting key, and the public log holds only the time to the second.",
    "pages.privacy.what3":
      "Access logs: the time of a request and its result, never your IP address or browser. No cookies and no tracking.",
    "pages.privacy.deviceHeading": "What stays on your device",
    "pages.privacy.device":
      "Your voting key, your receipts and your language choice are kept in your browser's storage. They never leave your device unless you save them yourself.",
    "pages.privacy.rightsHeading": "Your rights",
    "pages.privacy.rights":
      "Under the General Data Protection Regulation (GDPR) you may ask what data about you is processed, and have it corrected or removed. A cast vote cannot be traced to you, so it cannot be looked up or removed. You can also complain to your national data protection authority (in the Netherlands: Autoriteit Persoonsgegevens).",
    "pages.privacy.contact": "Questions about privacy: {contact}.",
    "pages.a11y.title": "Accessibility statement",
    "pages.a11y.intro":
      "{municipality} wants everyone to be able to use this website, as the EU Web Accessibility Directive (2016/2102) requires of public bodies.",
    "pages.a11y.statusHeading": "Compliance status",
    "pages.a11y.status":
      "This website aims to meet WCAG 2.1 level AA (EN 301 549). Every page is checked automatically with axe-core in every language, can be used with the keyboard only, and reflows at 400% zoom.",
    "pages.a11y.knownHeading": "Known limitations",
    "pages.a11y.known":
      "Automated checks do not find every problem. A full manual audit by an independent expert has not yet been done.",
    "pages.a11y.feedbackHeading": "Feedback and contact",
    "pages.a11y.feedback":
      "Found something you cannot use? Tell us at {contact}. We answer within 5 working days. If our answer does not satisfy you, you can turn to the National Ombudsman.",
  },
  {
    "pages.yourMunicipality": "uw gemeente",
    "pages.runBy": "Deze dienst wordt beheerd door {municipality}.",
    "pages.home.listHeading": "Lopende referenda",
    "pages.home.whoHeading": "Wie doet dit",
    "pages.home.who":
      "{municipality} legt deze vragen aan haar inwoners voor. Deze dienst telt de stemmen, en iedereen kan de telling controleren met openbare gegevens.",
    "pages.home.howHeading": "Hoe stemmen werkt",
    "pages.home.how1": "Meld u eenmalig aan met de code uit de brief die de gemeente u stuurde.",
    "pages.home.how2": "Uw apparaat bewaart een stemsleutel. Schrijf de herstelcode op die het u toont.",
    "pages.home.how3": "Kies hierboven een referendum en stem. Uw stem is anoniem: niemand kan zien wie wat koos.",
    "pages.home.how4": "Bewaar uw ontvangstbewijs. Daarmee ziet u dat uw stem is meegeteld.",
    "pages.home.needHeading": "Wat u nodig hebt",
    "pages.home.need1": "De brief met uw aanmeldcode.",
    "pages.home.need2": "Een computer, tablet of telefoon met een actuele browser.",
    "pages.home.need3":
      "Een paar minuten. Het voorbereiden van een anonieme stem kan op een oudere telefoon tot een minuut duren.",
    "pages.home.helpHeading": "Hulp",
    "pages.home.help":
      "Brief kwijt, of werkt iets niet? Neem contact op met {municipality}: {contact}. Niemand van de gemeente zal ooit om uw herstelcode vragen.",
    "pages.home.helpNoContact": "Brief kwijt, of werkt iets niet? Neem contact op met uw gemeente.",
    "pages.home.register": "Aanmelden met uw brief",
    "pages.footer.nav": "Over deze site",
    "pages.footer.about": "Over ons en contact",
    "pages.footer.privacy": "Privacyverklaring",
    "pages.footer.accessibility": "Toegankelijkheidsverklaring",
    "pages.about.title": "Over ons en contact",
    "pages.about.intro":
      "Met deze website stemmen inwoners anoniem in referenda en kan iedereen elke uitslag controleren. Ze gebruikt opensourcesoftware (BLING).",
    "pages.about.contactHeading": "Contact",
    "pages.about.email": "E-mail: {email}",
    "pages.about.phone": "Telefoon: {phone}",
    "pages.about.website": "Website: {website}",
    "pages.about.noContact": "De contactgegevens van uw gemeente staan op haar eigen website.",
    "pages.privacy.title": "Privacyverklaring",
    "pages.privacy.intro":
      "{municipality} is verantwoordelijk voor de persoonsgegevens die deze dienst verwerkt. We verwerken zo weinig mogelijk.",
    "pages.privacy.whatHeading": "Wat we verwerken",
    "pages.privacy.what1":
      "Het stemregister: per brief een code, alleen bewaard als vingerafdruk (hash), en het openbare deel van de stemsleutel waarmee u zich aanmeldt.",
    "pages.privacy.what2":
      "Uw stem: die gaat mee met een anoniem bewijs. Ze is niet gekoppeld aan uw naam, uw brief of uw stemsleutel, en het openbare logboek bevat alleen de tijd op de seconde.",
    "pages.privacy.what3":
      "Toegangslogboeken: het tijdstip van een verzoek en het resultaat, nooit uw IP-adres of browser. Geen cookies en geen tracking.",
    "pages.privacy.deviceHeading": "Wat op uw apparaat blijft",
    "pages.privacy.device":
      "Uw stemsleutel, uw ontvangstbewijzen en uw taalkeuze staan in de opslag van uw browser. Ze verlaten uw apparaat alleen als u ze zelf opslaat.",
    "pages.privacy.rightsHeading": "Uw rechten",
    "pages.privacy.rights":
      "Volgens de Algemene verordening gegevensbescherming (AVG) mag u vragen welke gegevens over u worden verwerkt, en die laten verbeteren of verwijderen. Een uitgebrachte stem is niet naar u te herleiden, dus die kan niet worden opgezocht of verwijderd. U kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens.",
    "pages.privacy.contact": "Vragen over privacy: {contact}.",
    "pages.a11y.title": "Toegankelijkheidsverklaring",
    "pages.a11y.intro":
      "{municipality} wil dat iedereen deze website kan gebruiken, zoals de Europese richtlijn digitale toegankelijkheid (2016/2102) van overheden vraagt.",
    "pages.a11y.statusHeading": "Nalevingsstatus",
    "pages.a11y.status":
      "Deze website wil voldoen aan WCAG 2.1 niveau AA (EN 301 549). Elke pagina wordt in elke taal automatisch gecontroleerd met axe-core, is alleen met het toetsenbord te bedienen en past zich aan bij 400% zoom.",
    "pages.a11y.knownHeading": "Bekende beperkingen",
    "pages.a11y.known":
      "Automatische controles vinden niet elk probleem. Een volledige handmatige audit door een onafhankelijke deskundige is nog niet gedaan.",
    "pages.a11y.feedbackHeading": "Melden en contact",
    "pages.a11y.feedback":
      "Kunt u iets niet gebruiken? Meld het via {contact}. We antwoorden binnen 5 werkdagen. Bent u niet tevreden met ons antwoord, dan kunt u terecht bij de Nationale ombudsman.",
  },
);
