import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { fixtureDir } from './__fixtures__/helm-instances.ts';
import { iceFilesOfGender } from './ice-gender.ts';

// The ordinary cases are checked against HELM in ice.test.ts; these are the workbooks HELM fails on
// (__fixtures__/ice-metadata-errors/make.py).
const headers = (name: string): string => `${fixtureDir('ice-metadata-errors')}/${name}/Headers`;

describe('iceFilesOfGender', () => {
  it("names a row whose text code is a number (HELM's re.compile fails on it)", async () => {
    await expect(iceFilesOfGender('hk', headers('numeric-code'), ['S1A-010.txt'], 'male')).rejects.toThrow(
      new UserError(`ice: row 3 of sheet 'Records' of ${headers('numeric-code')}/HKRecords.xls names its text by 12, not by text (HELM fails to make it a pattern).`),
    );
  });

  it('names a sheet too narrow for the gender column, once a row has a text code (HELM: IndexError)', async () => {
    await expect(iceFilesOfGender('hk', headers('narrow'), ['S1A-010.txt'], 'male')).rejects.toThrow(
      `ice: sheet 'Records' of ${headers('narrow')}/HKRecords.xls has 3 columns; HELM reads the gender in column 17 (IndexError).`,
    );
  });

  it('names a metadata file that is not there', async () => {
    await expect(iceFilesOfGender('can', headers('narrow'), [], 'female')).rejects.toThrow(
      `ice: gender=female reads the metadata of subset can in ${headers('narrow')}, and ${headers('narrow')}/Spoken ICE-CAN metadata.xls is not there.`,
    );
  });
});
