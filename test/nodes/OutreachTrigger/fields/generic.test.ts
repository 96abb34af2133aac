import { GENERIC_FIELDS } from '../../../../nodes/OutreachTrigger/fields/generic';
import { describeOutreachTable } from '../../../fieldMaps';

describeOutreachTable('generic', 'Generic', GENERIC_FIELDS);
