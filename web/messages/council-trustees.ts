/** Strings of the council's trustee parts (draft form, key generation, decryptions); keys start with "council.". */
export const councilTrusteeMessages = {
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
} as const satisfies Record<string, string>;
