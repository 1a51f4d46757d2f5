// Blob uploads under statements/ become messages on the statement-events queue: an Event Grid
// system topic on the storage account, delivering with its own managed identity (no queue key,
// no SAS) and dead-lettering what it cannot deliver to a container, so no upload goes unnoticed.

@description('Name of the Event Grid system topic.')
param name string

@description('Azure region (the storage account\'s: a system topic lives beside its source).')
param location string

@description('Tags for every resource.')
param tags object

@description('Name of the storage account whose blob events are published.')
param storageAccountName string

@description('Container whose new blobs raise events.')
param sourceContainerName string

@description('Queue the events are delivered to.')
param queueName string

@description('Container for events that could not be delivered.')
param deadLetterContainerName string

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName

  resource queueService 'queueServices' existing = {
    name: 'default'

    resource queue 'queues' existing = {
      name: queueName
    }
  }

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource deadLetterContainer 'containers' existing = {
      name: deadLetterContainerName
    }
  }
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// The topic's identity may add messages to this one queue, and write dead letters to this one container.
resource topicQueueSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::queueService::queue.id, topic.id, 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a')
  scope: storage::queueService::queue
  properties: {
    // Storage Queue Data Message Sender
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a')
    principalId: topic.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource topicDeadLetterWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::blobService::deadLetterContainer.id, topic.id, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
  scope: storage::blobService::deadLetterContainer
  properties: {
    // Storage Blob Data Contributor
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: topic.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource statementUploads 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: 'statement-uploads'
  // Delivery by identity needs the roles first.
  dependsOn: [
    topicQueueSender
    topicDeadLetterWriter
  ]
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${sourceContainerName}/'
      // The APIs that finish writing a blob (block blobs, copies, ADLS flush); intermediate
      // operations such as PutBlock raise no BlobCreated, so a blob is announced once, complete.
      advancedFilters: [
        {
          operatorType: 'StringIn'
          key: 'data.api'
          values: [
            'PutBlob'
            'PutBlockList'
            'CopyBlob'
            'FlushWithClose'
          ]
        }
      ]
    }
    deliveryWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: storage.id
          queueName: queueName
          // -1: a message waits in the queue until the app takes it, however long that is.
          queueMessageTimeToLiveInSeconds: -1
        }
      }
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storage.id
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
}

output name string = topic.name
output principalId string = topic.identity.principalId
