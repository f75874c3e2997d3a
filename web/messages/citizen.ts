import { defineMessages } from "./define";

/** Strings of the citizen pages; keys start with "citizen.". */
export const citizenMessages = defineMessages({}, {});
