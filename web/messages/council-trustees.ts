import { defineMessages } from "./define";

/** Strings of the council's trustee parts (draft form, key generation, decryptions); keys start with "council.". */
export const councilTrusteeMessages = defineMessages(
  {
    "council.draft.trustees": "Trustees (secret ballot)",
    "council.draft.trusteesHint":
      "Trustees together hold the key that keeps every vote secret: after voting closes, enough of them decrypt only the final totals, and fewer of them can learn nothing. Without trustees, each vote is public in the log.",
    "council.draft.trusteesNone": "No trustees: the votes will be public.",
    "council.draft.trustee": "Trustee {n}",
    "council.draft.addTrustee": "Add a trustee",
    "council.draft.removeTrustee": "Remove trustee {n}",
    "council.draft.threshold": "Trustees needed to count",
    "council.draft.thresholdHint": "The default is {default} of {count}.",
    "council.draft.thresholdOption": "{threshold} of {count}",
    "council.draft.error.trusteesCount": "Name at most 16 trustees.",
    "council.draft.error.trusteeEmpty": "Every trustee needs a name; remove the empty rows.",
    "council.draft.error.trusteeDuplicate": "Every trustee needs a name of their own.",
    "council.draft.error.thresholdRange": "Choose how many trustees are needed, at most the number named.",
    "council.referendum.trustees": "Trustees",
    "council.referendum.trusteesValue": "{names} ({threshold} of {count} needed to count)",
    "council.referendum.openBlocked":
      "Opening waits for the trustees: their key generation, with its test decryption, has to complete first.",
    "dkg.title": "Trustees' key generation",
    "council.dkg.notInvited": "The trustees have not been invited yet.",
    "council.dkg.stale":
      "The trustee list was changed after the invitations were sent. Invite the trustees again before opening.",
    "council.dkg.openNow": "You can open the referendum.",
    "council.dkg.failedAdvice": "Check the trustee list and invite the trustees again.",
    "council.dkg.invite": "Invite trustees",
    "council.dkg.inviteAgain": "Invite again",
    "council.dkg.inviteAgainExplain":
      "Inviting again starts a new key generation: earlier codes stop working and every trustee joins again with a new code.",
    "council.dkg.invitations": "Invitations",
    "council.dkg.invitationsOnce":
      "These codes are shown only once: the service keeps only their hashes. Send each trustee their own code and link now, privately.",
    "council.dkg.invitationsCaption": "Each trustee's code and personal link",
    "council.dkg.name": "Name",
    "council.dkg.code": "Invitation code",
    "council.dkg.link": "Personal link",
    "council.dkg.invitationsDone": "I have sent the invitations",
    "council.confirm.invite.title": "Invite the trustees again?",
    "council.confirm.invite.text":
      "A new key generation starts. The codes sent earlier stop working, and every trustee has to join again with a new code. This cannot be undone.",
    "council.confirm.invite.yes": "Yes, invite again",
    "council.decrypt.title": "Decryption by the trustees",
    "council.decrypt.waitingSeal":
      "The ballot log is being sealed; the trustees can decrypt once it is recorded on the chain.",
    "council.decrypt.progress": "{count} of {threshold} trustees needed have decrypted the result.",
    "council.decrypt.by": "Decrypted by: {names}.",
    "council.decrypt.none": "No trustee has decrypted the result yet.",
    "council.decrypt.countWaits":
      "The votes can be counted once {threshold} trustees have decrypted the result. Ask the trustees to open their trustee page and decrypt.",
    "council.decrypt.ready": "Enough trustees have decrypted: the votes can be counted.",
    "council.turnout.sealed": "The votes are sealed: nobody, the council included, sees any count before the close.",
  },
  {
    "council.draft.trustees": "Sleutelbeheerders (geheime stemming)",
    "council.draft.trusteesHint":
      "Sleutelbeheerders houden samen de sleutel die elke stem geheim houdt: na het sluiten ontsleutelen genoeg van hen alleen de einduitslag, en minder van hen kunnen niets te weten komen. Zonder sleutelbeheerders is elke stem openbaar in het logboek.",
    "council.draft.trusteesNone": "Geen sleutelbeheerders: de stemmen zijn openbaar.",
    "council.draft.trustee": "Sleutelbeheerder {n}",
    "council.draft.addTrustee": "Een sleutelbeheerder toevoegen",
    "council.draft.removeTrustee": "Sleutelbeheerder {n} verwijderen",
    "council.draft.threshold": "Sleutelbeheerders nodig om te tellen",
    "council.draft.thresholdHint": "Standaard {default} van de {count}.",
    "council.draft.thresholdOption": "{threshold} van de {count}",
    "council.draft.error.trusteesCount": "Noem hoogstens 16 sleutelbeheerders.",
    "council.draft.error.trusteeEmpty": "Iedere sleutelbeheerder heeft een naam nodig; verwijder de lege regels.",
    "council.draft.error.trusteeDuplicate": "Iedere sleutelbeheerder heeft een eigen naam nodig.",
    "council.draft.error.thresholdRange": "Kies hoeveel sleutelbeheerders nodig zijn, hoogstens het aantal genoemde.",
    "council.referendum.trustees": "Sleutelbeheerders",
    "council.referendum.trusteesValue": "{names} ({threshold} van de {count} nodig om te tellen)",
    "council.referendum.openBlocked":
      "Openen wacht op de sleutelbeheerders: eerst moet het maken van hun sleutel, met de testontsleuteling, klaar zijn.",
    "dkg.title": "Het maken van de verkiezingssleutel",
    "council.dkg.notInvited": "De sleutelbeheerders zijn nog niet uitgenodigd.",
    "council.dkg.stale":
      "De lijst met sleutelbeheerders is gewijzigd nadat de uitnodigingen zijn verstuurd. Nodig hen opnieuw uit voordat u opent.",
    "council.dkg.openNow": "U kunt het referendum openen.",
    "council.dkg.failedAdvice": "Controleer de lijst met sleutelbeheerders en nodig hen opnieuw uit.",
    "council.dkg.invite": "Sleutelbeheerders uitnodigen",
    "council.dkg.inviteAgain": "Opnieuw uitnodigen",
    "council.dkg.inviteAgainExplain":
      "Opnieuw uitnodigen begint het maken van de sleutel opnieuw: eerdere codes werken niet meer en iedere sleutelbeheerder doet opnieuw mee met een nieuwe code.",
    "council.dkg.invitations": "Uitnodigingen",
    "council.dkg.invitationsOnce":
      "Deze codes worden maar één keer getoond: de dienst bewaart alleen hun hashes. Stuur iedere sleutelbeheerder nu, vertrouwelijk, de eigen code en link.",
    "council.dkg.invitationsCaption": "Code en persoonlijke link van iedere sleutelbeheerder",
    "council.dkg.name": "Naam",
    "council.dkg.code": "Uitnodigingscode",
    "council.dkg.link": "Persoonlijke link",
    "council.dkg.invitationsDone": "Ik heb de uitnodigingen verstuurd",
    "council.confirm.invite.title": "De sleutelbeheerders opnieuw uitnodigen?",
    "council.confirm.invite.text":
      "Het maken van de sleutel begint opnieuw. De eerder verstuurde codes werken niet meer en iedere sleutelbeheerder moet opnieuw meedoen met een nieuwe code. Dit kan niet ongedaan worden gemaakt.",
    "council.confirm.invite.yes": "Ja, opnieuw uitnodigen",
    "council.decrypt.title": "Ontsleuteling door de sleutelbeheerders",
    "council.decrypt.waitingSeal":
      "Het stemmenlogboek wordt verzegeld; de sleutelbeheerders kunnen ontsleutelen zodra het op de blockchain is vastgelegd.",
    "council.decrypt.progress": "{count} van de {threshold} benodigde sleutelbeheerders hebben de uitslag ontsleuteld.",
    "council.decrypt.by": "Ontsleuteld door: {names}.",
    "council.decrypt.none": "Nog geen sleutelbeheerder heeft de uitslag ontsleuteld.",
    "council.decrypt.countWaits":
      "De stemmen kunnen worden geteld zodra {threshold} sleutelbeheerders de uitslag hebben ontsleuteld. Vraag de sleutelbeheerders hun pagina te openen en te ontsleutelen.",
    "council.decrypt.ready": "Genoeg sleutelbeheerders hebben ontsleuteld: de stemmen kunnen worden geteld.",
    "council.turnout.sealed":
      "De stemmen zijn verzegeld: niemand, ook de gemeente niet, ziet vóór het sluiten enige telling.",
  },
);
