/**
 * Strings of the start page's guidance, the footer and the pages a municipality must have (about
 * and contact, privacy statement, accessibility statement); keys start with "pages.".
 * `{municipality}` is the name from the site configuration, or "your municipality".
 */
export const sitePageMessages = {
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
    "The electorate: for each letter a code, stored only as a fingerprint (hash), and the public part of the voting key you register with it.",
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
} as const satisfies Record<string, string>;
