import { HEYREACH_FIELDS } from '../../../../nodes/OutreachTrigger/fields/heyreach';
import { describeOutreachTable } from '../../../fieldMaps';

describeOutreachTable('heyreach', 'HeyReach', HEYREACH_FIELDS);
