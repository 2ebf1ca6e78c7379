/** The registry name of the provider, used in every error message. */
export const PROVIDER_NAME = "OpenAssistant";
