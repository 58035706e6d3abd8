/** Lesson 10: an endpoint policy for the Reports bucket's objects only, and a bucket policy requiring the endpoint. */
import type { Design } from '../../../model/types.ts';
import { edit } from './edits.ts';
import { applyAll } from './apply.ts';

export default function solve(start: Design): Design {
  return applyAll(
    start,
    edit('vpcEndpoint', 'vpce-s3', {
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: '*',
            Action: ['s3:GetObject', 's3:PutObject'],
            Resource: 'arn:aws:s3:::lab-reports/*',
          },
        ],
      },
    }),
    edit('s3Bucket', 's3-reports', {
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: ['arn:aws:s3:::lab-reports', 'arn:aws:s3:::lab-reports/*'],
            Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-s3' } },
          },
        ],
      },
    }),
  );
}
