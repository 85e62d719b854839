import { Principal } from '@lumbung/identity';
import type { Reader } from './asset-read.rule';
import {
  filesUnderOpd,
  mayEdit,
  reviewRefusal,
  seesProposals,
  type WorkflowAction,
  workflowRefusal,
} from './asset.policy';

const reader = (userId: string, verifierOpdIds: string[] = []): Reader => ({
  userId,
  opdId: 'opd-a',
  copIds: [],
  verifierOpdIds,
  isAssessor: false,
});
const author = reader('author');
const verifier = reader('verifier', ['opd-a']);
const otherVerifier = reader('other-verifier', ['opd-b']);
/** A verifier of the OPD who also wrote the asset. */
const verifyingAuthor = reader('author', ['opd-a']);
const stranger = reader('stranger');

const asset = (status: string) => ({ authorIds: ['author'], opdId: 'opd-a', status });

describe('who may change and review an asset', () => {
  it('lets authors edit in any status but archived, and the OPD’s verifiers once published', () => {
    const editors = (status: string) =>
      Object.entries({ author, verifier, otherVerifier, stranger })
        .filter(([, r]) => mayEdit(asset(status), r))
        .map(([who]) => who);
    expect(editors('draft')).toEqual(['author']);
    expect(editors('submitted')).toEqual(['author']);
    expect(editors('published')).toEqual(['author', 'verifier']);
    expect(editors('archived')).toEqual([]);
  });

  it('shows proposals to authors and the OPD’s verifiers only', () => {
    expect(seesProposals(asset('published'), author)).toBe(true);
    expect(seesProposals(asset('published'), verifier)).toBe(true);
    expect(seesProposals(asset('published'), otherVerifier)).toBe(false);
    expect(seesProposals(asset('published'), undefined)).toBe(false);
  });

  it('leaves reviews to the OPD’s verifiers, never of their own writing', () => {
    expect(reviewRefusal(asset('published'), verifier)).toBeUndefined();
    expect(reviewRefusal(asset('published'), otherVerifier)).toBe('forbidden');
    expect(reviewRefusal(asset('published'), author)).toBe('forbidden');
    expect(reviewRefusal(asset('published'), verifyingAuthor)).toBe('self_review');
  });

  it('moves the workflow: authors submit, verifiers decide, either archives', () => {
    const actions: WorkflowAction[] = ['submit', 'approve', 'reject', 'reverify', 'archive'];
    const table = Object.fromEntries(
      Object.entries({ author, verifier, verifyingAuthor, stranger }).map(([who, r]) => [
        who,
        actions.map((action) => workflowRefusal(asset('submitted'), r, action) ?? 'ok'),
      ]),
    );
    expect(table).toEqual({
      author: ['ok', 'forbidden', 'forbidden', 'forbidden', 'ok'],
      verifier: ['forbidden', 'ok', 'ok', 'ok', 'ok'],
      verifyingAuthor: ['ok', 'self_review', 'self_review', 'self_review', 'ok'],
      stranger: ['forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
    });
  });

  it('files an asset under the caller’s own OPD; only admins name another', () => {
    const asn = new Principal('u', 's', 'opd-a', [{ role: 'asn' }]);
    const admin = new Principal('a', 's', 'opd-a', [{ role: 'asn' }, { role: 'admin' }]);
    expect([filesUnderOpd(asn, 'opd-a'), filesUnderOpd(asn, 'opd-b')]).toEqual([true, false]);
    expect(filesUnderOpd(admin, 'opd-b')).toBe(true);
  });
});
