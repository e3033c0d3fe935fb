export { DEVELOPMENT_KEY_ID, KEY_BYTES, developmentKeyring, isValidKeyId, keyringFromEnv, parseKeyring, type Keyring } from './keyring';
export {
  SEALED_PREFIX,
  SealedValueError,
  isSealed,
  needsResealing,
  openStoredValue,
  openValue,
  sealValue,
  sealedKeyId,
  sealedLength,
} from './sealed-value';
