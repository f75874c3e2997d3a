/** Reads the service's keys from AWS Secrets Manager: each secret is 32 bytes as 64 hex characters. */
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";

export type SecretReader = (arn: string) => Promise<string>;

export function secretsManagerReader(client = new SecretsManagerClient({})): SecretReader {
  return async (arn) => {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: arn }));
    const value = SecretString?.trim() ?? "";
    // Say which secret is wrong, never what it holds.
    if (!/^[0-9a-f]{64}$/i.test(value)) throw new Error(`secret ${arn} is not 32 bytes of hex`);
    return value;
  };
}
