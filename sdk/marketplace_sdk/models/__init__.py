"""Contains all the data models used in inputs/outputs"""

from .account_create import AccountCreate
from .account_create_role import AccountCreateRole
from .account_out import AccountOut
from .account_out_role import AccountOutRole
from .advance_clock import AdvanceClock
from .api_key_create import ApiKeyCreate
from .api_key_created import ApiKeyCreated
from .api_key_out import ApiKeyOut
from .buyer_event import BuyerEvent
from .buyer_event_data import BuyerEventData
from .buyer_event_data_previous_attributes_type_0 import (
    BuyerEventDataPreviousAttributesType0,
)
from .buyer_event_type import BuyerEventType
from .buyer_fact_set_out import BuyerFactSetOut
from .buyer_facts import BuyerFacts
from .buyer_in import BuyerIn
from .buyer_limit_out import BuyerLimitOut
from .buyer_out import BuyerOut
from .buyer_out_status import BuyerOutStatus
from .buyer_risk import BuyerRisk
from .buyer_signal_out import BuyerSignalOut
from .buyer_signal_out_status_after import BuyerSignalOutStatusAfter
from .buyer_signal_out_status_before import BuyerSignalOutStatusBefore
from .buyer_signal_out_type import BuyerSignalOutType
from .buyer_status_out import BuyerStatusOut
from .buyer_status_out_status import BuyerStatusOutStatus
from .capacity import Capacity
from .claim_create import ClaimCreate
from .claim_create_cause import ClaimCreateCause
from .claim_event import ClaimEvent
from .claim_event_data import ClaimEventData
from .claim_event_data_previous_attributes_type_0 import (
    ClaimEventDataPreviousAttributesType0,
)
from .claim_event_type import ClaimEventType
from .claim_out import ClaimOut
from .claim_out_cause import ClaimOutCause
from .claim_out_hold_reason_type_1 import ClaimOutHoldReasonType1
from .claim_out_hold_reason_type_2_type_1 import ClaimOutHoldReasonType2Type1
from .claim_out_hold_reason_type_3_type_1 import ClaimOutHoldReasonType3Type1
from .claim_out_status import ClaimOutStatus
from .claim_reject import ClaimReject
from .claim_reject_code import ClaimRejectCode
from .collection import Collection
from .counter_offer import CounterOffer
from .country import Country
from .cover_create import CoverCreate
from .cover_event import CoverEvent
from .cover_event_data import CoverEventData
from .cover_event_data_previous_attributes_type_0 import (
    CoverEventDataPreviousAttributesType0,
)
from .cover_event_type import CoverEventType
from .cover_out import CoverOut
from .cover_out_status import CoverOutStatus
from .currency import Currency
from .currency_terms import CurrencyTerms
from .deadline_detail import DeadlineDetail
from .deadline_detail_name import DeadlineDetailName
from .deadlines import Deadlines
from .decline import Decline
from .decline_reason import DeclineReason
from .event_data import EventData
from .event_data_object import EventDataObject
from .event_data_previous_attributes_type_0 import EventDataPreviousAttributesType0
from .event_out import EventOut
from .event_with_deliveries import EventWithDeliveries
from .field_error import FieldError
from .health import Health
from .invoice import Invoice
from .invoice_event_create import InvoiceEventCreate
from .invoice_event_create_type import InvoiceEventCreateType
from .invoice_event_out import InvoiceEventOut
from .invoice_event_out_type import InvoiceEventOutType
from .invoice_in import InvoiceIn
from .latest_signal import LatestSignal
from .latest_signal_type import LatestSignalType
from .limit_change import LimitChange
from .limit_in import LimitIn
from .list_accounts_role_type_1 import ListAccountsRoleType1
from .list_accounts_role_type_2_type_1 import ListAccountsRoleType2Type1
from .list_accounts_role_type_3_type_1 import ListAccountsRoleType3Type1
from .list_claims_status_type_1 import ListClaimsStatusType1
from .list_claims_status_type_2_type_1 import ListClaimsStatusType2Type1
from .list_claims_status_type_3_type_1 import ListClaimsStatusType3Type1
from .list_covers_status_type_1 import ListCoversStatusType1
from .list_covers_status_type_2_type_1 import ListCoversStatusType2Type1
from .list_covers_status_type_3_type_1 import ListCoversStatusType3Type1
from .list_events_type_type_1 import ListEventsTypeType1
from .list_events_type_type_2_type_1 import ListEventsTypeType2Type1
from .list_events_type_type_3_type_1 import ListEventsTypeType3Type1
from .list_of_account_out import ListOfAccountOut
from .list_of_api_key_out import ListOfApiKeyOut
from .list_of_buyer_limit_out import ListOfBuyerLimitOut
from .list_of_buyer_out import ListOfBuyerOut
from .list_of_buyer_signal_out import ListOfBuyerSignalOut
from .list_of_claim_out import ListOfClaimOut
from .list_of_cover_out import ListOfCoverOut
from .list_of_event_out import ListOfEventOut
from .list_of_invoice_event_out import ListOfInvoiceEventOut
from .list_of_payout_out import ListOfPayoutOut
from .list_of_product_out import ListOfProductOut
from .list_of_quote_out import ListOfQuoteOut
from .list_of_webhook_endpoint_out import ListOfWebhookEndpointOut
from .list_products_status_type_1 import ListProductsStatusType1
from .list_products_status_type_2_type_1 import ListProductsStatusType2Type1
from .list_products_status_type_3_type_1 import ListProductsStatusType3Type1
from .list_quotes_status_type_1 import ListQuotesStatusType1
from .list_quotes_status_type_2_type_1 import ListQuotesStatusType2Type1
from .list_quotes_status_type_3_type_1 import ListQuotesStatusType3Type1
from .offer_out import OfferOut
from .payment import Payment
from .payout_create import PayoutCreate
from .payout_out import PayoutOut
from .pricing_terms import PricingTerms
from .problem import Problem
from .product_out import ProductOut
from .product_out_status import ProductOutStatus
from .product_terms import ProductTerms
from .product_version_out import ProductVersionOut
from .quote_create import QuoteCreate
from .quote_out import QuoteOut
from .quote_out_status import QuoteOutStatus
from .readiness import Readiness
from .readiness_database import ReadinessDatabase
from .readiness_migrations import ReadinessMigrations
from .readiness_status import ReadinessStatus
from .readiness_writes import ReadinessWrites
from .reason import Reason
from .recoveries import Recoveries
from .redeliver_request import RedeliverRequest
from .rejection import Rejection
from .rejection_code import RejectionCode
from .relationship_in import RelationshipIn
from .replay_out import ReplayOut
from .replay_request import ReplayRequest
from .risk import Risk
from .secret_rotation import SecretRotation
from .sector import Sector
from .signal_in import SignalIn
from .signal_in_type import SignalInType
from .webhook_attempt_out import WebhookAttemptOut
from .webhook_delivery_out import WebhookDeliveryOut
from .webhook_delivery_out_status import WebhookDeliveryOutStatus
from .webhook_endpoint_create import WebhookEndpointCreate
from .webhook_endpoint_create_enabled_events_item import (
    WebhookEndpointCreateEnabledEventsItem,
)
from .webhook_endpoint_deleted import WebhookEndpointDeleted
from .webhook_endpoint_deleted_status import WebhookEndpointDeletedStatus
from .webhook_endpoint_event import WebhookEndpointEvent
from .webhook_endpoint_event_data import WebhookEndpointEventData
from .webhook_endpoint_event_data_previous_attributes_type_0 import (
    WebhookEndpointEventDataPreviousAttributesType0,
)
from .webhook_endpoint_event_type import WebhookEndpointEventType
from .webhook_endpoint_out import WebhookEndpointOut
from .webhook_endpoint_out_status import WebhookEndpointOutStatus
from .webhook_endpoint_update import WebhookEndpointUpdate
from .webhook_endpoint_update_enabled_events_type_0_item import (
    WebhookEndpointUpdateEnabledEventsType0Item,
)
from .webhook_endpoint_update_status_type_0 import WebhookEndpointUpdateStatusType0
from .webhook_endpoint_with_secret import WebhookEndpointWithSecret
from .webhook_endpoint_with_secret_status import WebhookEndpointWithSecretStatus

__all__ = (
    "AccountCreate",
    "AccountCreateRole",
    "AccountOut",
    "AccountOutRole",
    "AdvanceClock",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyOut",
    "BuyerEvent",
    "BuyerEventData",
    "BuyerEventDataPreviousAttributesType0",
    "BuyerEventType",
    "BuyerFacts",
    "BuyerFactSetOut",
    "BuyerIn",
    "BuyerLimitOut",
    "BuyerOut",
    "BuyerOutStatus",
    "BuyerRisk",
    "BuyerSignalOut",
    "BuyerSignalOutStatusAfter",
    "BuyerSignalOutStatusBefore",
    "BuyerSignalOutType",
    "BuyerStatusOut",
    "BuyerStatusOutStatus",
    "Capacity",
    "ClaimCreate",
    "ClaimCreateCause",
    "ClaimEvent",
    "ClaimEventData",
    "ClaimEventDataPreviousAttributesType0",
    "ClaimEventType",
    "ClaimOut",
    "ClaimOutCause",
    "ClaimOutHoldReasonType1",
    "ClaimOutHoldReasonType2Type1",
    "ClaimOutHoldReasonType3Type1",
    "ClaimOutStatus",
    "ClaimReject",
    "ClaimRejectCode",
    "Collection",
    "CounterOffer",
    "Country",
    "CoverCreate",
    "CoverEvent",
    "CoverEventData",
    "CoverEventDataPreviousAttributesType0",
    "CoverEventType",
    "CoverOut",
    "CoverOutStatus",
    "Currency",
    "CurrencyTerms",
    "DeadlineDetail",
    "DeadlineDetailName",
    "Deadlines",
    "Decline",
    "DeclineReason",
    "EventData",
    "EventDataObject",
    "EventDataPreviousAttributesType0",
    "EventOut",
    "EventWithDeliveries",
    "FieldError",
    "Health",
    "Invoice",
    "InvoiceEventCreate",
    "InvoiceEventCreateType",
    "InvoiceEventOut",
    "InvoiceEventOutType",
    "InvoiceIn",
    "LatestSignal",
    "LatestSignalType",
    "LimitChange",
    "LimitIn",
    "ListAccountsRoleType1",
    "ListAccountsRoleType2Type1",
    "ListAccountsRoleType3Type1",
    "ListClaimsStatusType1",
    "ListClaimsStatusType2Type1",
    "ListClaimsStatusType3Type1",
    "ListCoversStatusType1",
    "ListCoversStatusType2Type1",
    "ListCoversStatusType3Type1",
    "ListEventsTypeType1",
    "ListEventsTypeType2Type1",
    "ListEventsTypeType3Type1",
    "ListOfAccountOut",
    "ListOfApiKeyOut",
    "ListOfBuyerLimitOut",
    "ListOfBuyerOut",
    "ListOfBuyerSignalOut",
    "ListOfClaimOut",
    "ListOfCoverOut",
    "ListOfEventOut",
    "ListOfInvoiceEventOut",
    "ListOfPayoutOut",
    "ListOfProductOut",
    "ListOfQuoteOut",
    "ListOfWebhookEndpointOut",
    "ListProductsStatusType1",
    "ListProductsStatusType2Type1",
    "ListProductsStatusType3Type1",
    "ListQuotesStatusType1",
    "ListQuotesStatusType2Type1",
    "ListQuotesStatusType3Type1",
    "OfferOut",
    "Payment",
    "PayoutCreate",
    "PayoutOut",
    "PricingTerms",
    "Problem",
    "ProductOut",
    "ProductOutStatus",
    "ProductTerms",
    "ProductVersionOut",
    "QuoteCreate",
    "QuoteOut",
    "QuoteOutStatus",
    "Readiness",
    "ReadinessDatabase",
    "ReadinessMigrations",
    "ReadinessStatus",
    "ReadinessWrites",
    "Reason",
    "Recoveries",
    "RedeliverRequest",
    "Rejection",
    "RejectionCode",
    "RelationshipIn",
    "ReplayOut",
    "ReplayRequest",
    "Risk",
    "SecretRotation",
    "Sector",
    "SignalIn",
    "SignalInType",
    "WebhookAttemptOut",
    "WebhookDeliveryOut",
    "WebhookDeliveryOutStatus",
    "WebhookEndpointCreate",
    "WebhookEndpointCreateEnabledEventsItem",
    "WebhookEndpointDeleted",
    "WebhookEndpointDeletedStatus",
    "WebhookEndpointEvent",
    "WebhookEndpointEventData",
    "WebhookEndpointEventDataPreviousAttributesType0",
    "WebhookEndpointEventType",
    "WebhookEndpointOut",
    "WebhookEndpointOutStatus",
    "WebhookEndpointUpdate",
    "WebhookEndpointUpdateEnabledEventsType0Item",
    "WebhookEndpointUpdateStatusType0",
    "WebhookEndpointWithSecret",
    "WebhookEndpointWithSecretStatus",
)
