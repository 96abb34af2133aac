import { WOODPECKER_FIELDS } from '../../../../nodes/OutreachTrigger/fields/woodpecker';
import { describeOutreachTable } from '../../../fieldMaps';

describeOutreachTable('woodpecker', 'Woodpecker', WOODPECKER_FIELDS);
