import { describe, expect, it } from 'vitest';
import { isAllowedSignInUrl } from './external-links';

describe('the sign-in page the shell opens in the system browser', () => {
  it('opens the verification pages IAM Identity Center answers', () => {
    expect(isAllowedSignInUrl('https://device.sso.eu-west-1.amazonaws.com/?user_code=ABCD-EFGH')).toBe(true);
    expect(isAllowedSignInUrl('https://corp.awsapps.com/start/#/device?user_code=ABCD-EFGH')).toBe(true);
  });

  it('refuses anything else: http, look-alike hosts, credentials in the URL, other schemes', () => {
    for (const url of [
      'http://device.sso.eu-west-1.amazonaws.com/',
      'https://awsapps.com.evil.example/start',
      'https://evilawsapps.com/start',
      'https://user:pass@corp.awsapps.com/start',
      'file:///etc/passwd',
      'http://127.0.0.1:4566/_sim/sso/device',
      'not a url',
    ])
      expect(isAllowedSignInUrl(url), url).toBe(false);
  });
});
