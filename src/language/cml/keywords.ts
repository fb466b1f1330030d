/**
 * The single-word keywords of CML (Context Mapper's ContextMappingDSL and the
 * tactic DDD grammar it extends), including the enum literals that the grammar
 * spells out and its word terminals (`not`, `reference`, `association`,
 * `opposite`, `Map`). In CML every one of them is reserved: a name that is one
 * of these words must be written with a caret (`^type`). The exporter reads this
 * set to escape such names; the lexer to tell keywords from names.
 */
const words = `
ACL ACT AccessObject Aggregate Application ApplicationPart Bag BasicType BigDecimal BigInteger Blob Boolean
BoundedContext C CF CHAR CONCRETE Clob Collection Command CommandEvent Consumer ContextMap Coordination D DELETE
DataTransferObject Date DateTime Domain DomainEvent Double Entity Event Float Flow GET INTEGER Integer JOINED Key
List Long META MONITOR Map Module O OHS P PL POST PUT PagedResult PagingParameter Partnership Repository Resource S
SINGLE_TABLE SK STRING Service Set Stakeholder StakeholderGroup Stakeholders String Subdomain TacticDDDApplication
Timestamp Trait U UseCase UserStory Value ValueCluster ValueEpic ValueNarrative ValueObject ValueRegister
ValueWeigthing X a abstract action actor aggregateLifecycle aggregateRoot an are assertFalse assertTrue association
auditable availabilityCriticality bad basePackage belongsTo benefit boolean build businessModel cache cascade
changeable command condition consequences consistencyCriticality construct contains contentVolatility core create
creditCardNumber databaseColumn databaseJoinColumn databaseJoinTable databaseTable databaseType decimalMax
decimalMin def delete demonstrator description digits discriminatorColumn discriminatorLength discriminatorType
discriminatorValue domainVisionStatement double downstreamRights email enum event eventBus evolution
exposedAggregates extends external features fetch float for future gap good groupBy harmed hint immutable impact
implementationTechnology implements import in index influence inheritanceType inject int interactions interest
inverse is isCore key knowledgeLevel length level likelihoodForChange long map max min neutral nogap not notBlank
notEmpty nullable o of operation opposingValue opposite optimisticLocking orderBy orderColumn orderby ordinal owner
package past path pattern persistent priority private promoted protected public publish query queueName range read
realizes reduced reference refines relatedValue required responsibilities return scaffold scope scriptAssert
secondaryActors securityAccessGroup securityCriticality securityZone select size stakeholder state
storageSimilarity structuralVolatility subscribe supports the throws to topicName transient triggers type unique
update url useCases userRequirements userStories valid validate values void webservice with write x
UNDEFINED AS_IS TO_BE SYSTEM_LANDSCAPE ORGANIZATIONAL FEATURE APPLICATION SYSTEM TEAM CORE_DOMAIN SUPPORTING_DOMAIN
GENERIC_SUBDOMAIN INFLUENCER OPINION_LEADER VETO_RIGHT DECISION_MAKER MONOPOLIST NORMAL RARELY OFTEN HIGH LOW
HUGE TINY MEDIUM GENESIS CUSTOM_BUILT PRODUCT COMMODITY None AUTONOMY CARE CONTROL FAIRNESS INCLUSIVENESS
INNOVATION PERFECTION PRIVACY RESPECT SUSTAINABILITY TRANSPARENCY TRUST
`;

export const cmlKeywords: ReadonlySet<string> = new Set(words.split(/\s+/).filter(Boolean));
