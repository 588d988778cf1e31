import { z } from 'zod';

/** The http(s) URL an endpoint setting must hold. */
const isHttpUrl = (value: string | undefined): boolean => {
  if (!value) return false;
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
};

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * "Key=Value;Key=Value" as the Azure portal writes it; values may themselves hold "=" (base64 keys, SAS tokens).
 * Keys keep their case: the SDK matches them case-sensitively.
 */
export function connectionStringParts(value: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const element of value.split(';')) {
    const at = element.indexOf('=');
    if (at > 0) parts.set(element.slice(0, at).trim(), element.slice(at + 1).trim());
  }
  return parts;
}

/**
 * What is wrong with an Azure Storage connection string, or undefined when @azure/storage-blob can use it. The SDK
 * throws a bare TypeError ("Invalid URL") for most mistakes, far from the setting that caused it; this names the
 * missing or malformed part instead, and never repeats the value, which holds the account key.
 */
export function connectionStringProblem(value: string): string | undefined {
  const parts = connectionStringParts(value);
  if (value.startsWith('UseDevelopmentStorage=true')) return undefined;
  const blobEndpoint = parts.get('BlobEndpoint');
  if (blobEndpoint !== undefined && !isHttpUrl(blobEndpoint)) return 'has a BlobEndpoint that is not an http:// or https:// URL';
  if (parts.has('AccountKey')) {
    if (!parts.get('AccountName')) return 'has an AccountKey but no AccountName';
    if (!BASE64.test(parts.get('AccountKey') ?? '')) return 'has an AccountKey that is not base64';
    const protocol = parts.get('DefaultEndpointsProtocol');
    if (protocol === undefined || (!blobEndpoint && !/^https?$/i.test(protocol))) return 'needs DefaultEndpointsProtocol=https';
    if (!blobEndpoint && !parts.get('EndpointSuffix')) return 'needs EndpointSuffix=core.windows.net (or a BlobEndpoint)';
    return undefined;
  }
  if (parts.has('SharedAccessSignature')) {
    return blobEndpoint ? undefined : 'has a SharedAccessSignature but no BlobEndpoint';
  }
  return 'is not a storage connection string (expected DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…;EndpointSuffix=core.windows.net, as under Access keys in the Azure portal)';
}

/** A connection string @azure/storage-blob will accept, checked when the configuration loads. */
export const StorageConnectionString = z.string().trim().superRefine((value, ctx) => {
  const problem = connectionStringProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
