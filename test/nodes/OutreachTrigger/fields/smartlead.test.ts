import { SMARTLEAD_FIELDS } from '../../../../nodes/OutreachTrigger/fields/smartlead';
import { describeOutreachTable } from '../../../fieldMaps';

describeOutreachTable('smartlead', 'Smartlead', SMARTLEAD_FIELDS);
